-- How a user wants new-lead mails, once they chose: each at once, or one digest a day.
-- No row means the default: the digest once more than 10 new leads reached them in 24 hours.
create table new_lead_mail_choice (
    user_id uuid    primary key references app_user (id) on delete cascade,
    digest  boolean not null
);

-- New leads held for a user's daily digest, with what the digest says about each. digest_day
-- is set in the transaction that records and sends the digest, so each is mailed once.
create table lead_digest_item (
    user_id                uuid         not null references app_user (id) on delete cascade,
    event_id               uuid         not null,
    email                  varchar(254) not null,
    locale                 varchar(10)  not null,
    zone                   varchar(64)  not null,
    referral_id            uuid         not null,
    vendor_organization_id uuid         not null,
    customer               varchar(400) not null,
    location               varchar(400) not null,
    qualification          varchar(40)  not null,
    created_at             timestamptz  not null,
    digest_day             date,
    primary key (user_id, event_id)
);
create index lead_digest_item_pending_idx on lead_digest_item (user_id, created_at) where digest_day is null;

-- One digest per user and local day: the key is what keeps two nodes from sending it twice.
create table lead_digest (
    user_id   uuid        not null references app_user (id) on delete cascade,
    local_day date        not null,
    sent_at   timestamptz not null,
    primary key (user_id, local_day)
);
