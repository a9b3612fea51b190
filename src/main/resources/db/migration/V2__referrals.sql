-- The Referral aggregate: one row, nested value objects as JSONB. The partner organization that
-- owns the referral leads the primary key so the table can be distributed by it (Citus).
create table referral (
    organization_id        uuid          not null references organization (id),
    id                     uuid          not null,
    version                integer       not null,
    vendor_organization_id uuid          not null references organization (id),
    location_id            uuid          not null,
    engagement_id          uuid          not null,
    qualification          varchar(20)   not null,
    type                   varchar(20)   not null,
    substatus              varchar(20)   not null,
    status_reason          varchar(50),
    name                   varchar(200),
    external_reference_id  varchar(100),
    campaign_id            varchar(100),
    customer_name          varchar(200)  not null,
    customer_address       jsonb         not null,
    customer_country       char(2)       not null,
    customer_size          varchar(30),
    customer_team          jsonb         not null default '[]',
    consent_to_contact     boolean       not null,
    consent_to_share       boolean       not null,
    notes                  text,
    deal_value             numeric(19, 2),
    currency               char(3),
    closing_at             timestamptz,
    requirements           jsonb         not null default '{}',
    team                   jsonb         not null default '[]',
    invite_notes           text,
    contact_requested_at   timestamptz,
    created_by             varchar(200)  not null,
    created_by_name        varchar(200)  not null,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    expires_at             timestamptz   not null,
    accepted_at            timestamptz,
    closed_at              timestamptz,
    primary key (organization_id, id),
    foreign key (organization_id, location_id) references partner_location (organization_id, id)
);
-- Lookups by id alone (vendor callers) and the vendor's own view.
create index referral_id_idx on referral (id);
create index referral_vendor_created_idx on referral (vendor_organization_id, created_at desc, id desc);
-- A partner's list: newest first, and per stage ordered by expiry (the Received tab).
create index referral_org_created_idx on referral (organization_id, created_at desc, id desc);
create index referral_org_stage_expiry_idx on referral (organization_id, substatus, expires_at, id);
-- The expiry sweep only ever looks at Received referrals.
create index referral_due_idx on referral (expires_at) where substatus = 'Received';

-- Append-only history of every change to a referral.
create table referral_timeline (
    organization_id uuid         not null,
    id              bigint       generated always as identity,
    referral_id     uuid         not null,
    occurred_at     timestamptz  not null,
    actor_id        varchar(200) not null,
    actor_name      varchar(200) not null,
    source          varchar(10)  not null check (source in ('UI', 'API', 'SYSTEM')),
    action          varchar(40)  not null,
    changes         jsonb        not null default '{}',
    primary key (organization_id, id),
    foreign key (organization_id, referral_id) references referral (organization_id, id)
);
create index referral_timeline_referral_idx on referral_timeline (organization_id, referral_id, id);

create function refuse_timeline_rewrite() returns trigger language plpgsql as $$
begin
    raise exception 'referral_timeline is append-only';
end;
$$;
create trigger referral_timeline_append_only before update or delete on referral_timeline
    for each row execute function refuse_timeline_rewrite();

-- Favorites are personal: one row per principal and referral.
create table referral_favorite (
    organization_id uuid         not null,
    principal_id    varchar(200) not null,
    referral_id     uuid         not null,
    created_at      timestamptz  not null,
    primary key (organization_id, principal_id, referral_id),
    foreign key (organization_id, referral_id) references referral (organization_id, id)
);
create index referral_favorite_referral_idx on referral_favorite (organization_id, referral_id);

-- First answer of a POST sent with an Idempotency-Key, replayed for retries of the same request.
create table idempotency_key (
    organization_id uuid         not null references organization (id),
    idempotency_key varchar(255) not null,
    request_hash    char(64)     not null,
    response_status integer,
    response_body   text,
    resource_id     uuid,
    created_at      timestamptz  not null,
    primary key (organization_id, idempotency_key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);
