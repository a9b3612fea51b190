-- The vendor's catalogue: the industries, products and services partners describe their
-- expertise with. Small and read everywhere (a reference table under Citus).
create table catalogue_entry (
    vendor_id uuid         not null references organization (id),
    kind      varchar(10)  not null check (kind in ('INDUSTRY', 'PRODUCT', 'SERVICE')),
    name      varchar(100) not null,
    primary key (vendor_id, kind, name)
);

-- A partner's public business profile, one per sales region. Tags and customer sizes are short
-- lists that are always read and written whole, so they are arrays on the row. Tenant table.
create table business_profile (
    organization_id uuid          not null references organization (id),
    id              uuid          not null,
    version         integer       not null,
    region          varchar(10)   not null check (region in ('AMERICAS', 'EMEA', 'APAC')),
    name            varchar(200)  not null,
    description     varchar(2500),
    website         varchar(500),
    linkedin        varchar(500),
    industries      text[]        not null default '{}',
    products        text[]        not null default '{}',
    services        text[]        not null default '{}',
    solutions       text[]        not null default '{}',
    customer_sizes  text[]        not null default '{}',
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    primary key (organization_id, id),
    unique (organization_id, region)
);
-- Public pages address a profile by its id alone (not unique on its own: see partner_location_id_idx).
create index business_profile_id_idx on business_profile (id);

-- The profile's logo, checked to be a PNG, JPEG or GIF of at most 300 px width and 1 MB. Apart
-- from the profile row, which is read far more often than the image.
create table business_profile_logo (
    organization_id uuid        not null,
    profile_id      uuid        not null,
    content_type    varchar(20) not null,
    image           bytea       not null,
    updated_at      timestamptz not null,
    primary key (organization_id, profile_id),
    foreign key (organization_id, profile_id) references business_profile (organization_id, id) on delete cascade
);

-- A location's street address and phone; older locations have none until replaced.
alter table partner_location
    add column address_line varchar(200),
    add column postal_code  varchar(20),
    add column phone        varchar(50);

-- Other partners for a customer now come from the marketplace's index, not by country here.
drop index partner_location_country_idx;
