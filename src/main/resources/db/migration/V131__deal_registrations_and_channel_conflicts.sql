-- Deal registration (issue 17): a partner registers its won co-sell or partner-led deal with the
-- vendor, who approves or rejects it. One registration per deal; its rows belong to the partner
-- (organization_id) and are decided by the vendor (vendor_organization_id).
create table deal_registration (
    id                     uuid          primary key,
    organization_id        uuid          not null references organization (id),
    referral_id            uuid          not null,
    vendor_organization_id uuid          not null references organization (id),
    version                integer       not null,
    status                 varchar(10)   not null check (status in ('Pending', 'Approved', 'Rejected')),
    status_reason          varchar(500),
    products               jsonb         not null,
    contract_value         numeric(19, 2) not null,
    contract_currency      char(3)       not null,
    registered_at          timestamptz   not null,
    registered_by_name     varchar(200)  not null,
    decided_at             timestamptz,
    decided_by_name        varchar(200),
    foreign key (organization_id, referral_id) references referral (organization_id, id),
    unique (referral_id)
);
-- the vendor's list: pending first, newest first
create index deal_registration_vendor_idx on deal_registration (vendor_organization_id, status, registered_at desc);

-- Channel conflicts: two partners' deals (or registrations) on the same customer and product within
-- the protection window. first_* is the record that was there first. A pair is flagged once.
create table channel_conflict (
    id                      uuid         primary key,
    vendor_organization_id  uuid         not null references organization (id),
    first_organization_id   uuid         not null,
    first_referral_id       uuid         not null,
    second_organization_id  uuid         not null,
    second_referral_id      uuid         not null,
    products                jsonb        not null,
    detected_at             timestamptz  not null,
    status                  varchar(10)  not null check (status in ('Open', 'Resolved', 'Dismissed')),
    kept_referral_id        uuid,
    reason                  varchar(500),
    decided_at              timestamptz,
    decided_by_name         varchar(200),
    version                 integer      not null,
    foreign key (first_organization_id, first_referral_id) references referral (organization_id, id),
    foreign key (second_organization_id, second_referral_id) references referral (organization_id, id),
    check (first_organization_id <> second_organization_id)
);
create unique index channel_conflict_pair_idx on channel_conflict
    (least(first_referral_id, second_referral_id), greatest(first_referral_id, second_referral_id));
create index channel_conflict_vendor_idx on channel_conflict (vendor_organization_id, status, detected_at desc);
create index channel_conflict_first_idx on channel_conflict (first_referral_id);
create index channel_conflict_second_idx on channel_conflict (second_referral_id);
-- candidates for detection: a vendor's deals of a period
create index referral_vendor_deals_idx on referral (vendor_organization_id, created_at) where origin = 'Deal';
