-- Organizations are few and read everywhere: under Citus this is a reference table.
create table organization (
    id          uuid primary key,
    name        varchar(200) not null,
    kind        varchar(10)  not null check (kind in ('VENDOR', 'PARTNER')),
    vendor_id   uuid references organization (id),
    created_at  timestamptz  not null,
    check ((kind = 'PARTNER') = (vendor_id is not null))
);
create index organization_vendor_idx on organization (vendor_id);

-- A partner's location: the target of a referral. Tenant table, keyed by its organization.
create table partner_location (
    organization_id uuid         not null references organization (id),
    id              uuid         not null,
    name            varchar(200) not null,
    city            varchar(100) not null,
    country         char(2)      not null,
    alert_emails    text[]       not null default '{}',
    created_at      timestamptz  not null,
    removed_at      timestamptz,
    primary key (organization_id, id)
);
-- Vendors address locations by id alone when they create a referral. Not unique on its own:
-- under Citus a unique index must include the distribution column (organization_id).
create index partner_location_id_idx on partner_location (id);

-- OAuth2 clients (client_credentials). Looked up by client_id at the token endpoint.
create table api_client (
    id              uuid         primary key,
    organization_id uuid         not null references organization (id),
    client_id       varchar(100) not null unique,
    secret_hash     varchar(200) not null,
    name            varchar(200) not null,
    created_at      timestamptz  not null,
    revoked_at      timestamptz
);
create index api_client_organization_idx on api_client (organization_id);

-- The key that signs access tokens. Stored once, shared by every node on the database.
create table token_signing_key (
    id          varchar(64) primary key,
    private_key text        not null,
    public_key  text        not null,
    created_at  timestamptz not null
);

create table app_user (
    id              uuid         primary key,
    organization_id uuid         not null references organization (id),
    email           varchar(254) not null,
    display_name    varchar(200) not null,
    password_hash   varchar(200),
    roles           text[]       not null,
    locale          varchar(10)  not null default 'en',
    created_at      timestamptz  not null
);
create unique index app_user_email_idx on app_user (lower(email));
create index app_user_organization_idx on app_user (organization_id);
