-- CSV imports of qualified leads by vendor staff. An upload is validated whole, then stored
-- here row by row and worked off in chunks by any node: a node locks the import row with
-- FOR UPDATE SKIP LOCKED for one chunk's transaction, which creates the chunk's leads, records
-- each row's outcome and moves the counters, so a crash loses at most an uncommitted chunk,
-- which the next run repeats. The uploader's identity is kept to act for them.
create table lead_import (
    id                     uuid          primary key,
    vendor_organization_id uuid          not null references organization (id),
    caller_kind            varchar(20)   not null,
    created_by             varchar(200)  not null,
    created_by_name        varchar(200)  not null,
    roles                  varchar(200)  not null,
    file_name              varchar(255)  not null,
    total_rows             integer       not null,
    created_count          integer       not null default 0,
    skipped_count          integer       not null default 0,
    failed_count           integer       not null default 0,
    created_at             timestamptz   not null,
    finished_at            timestamptz
);
create index lead_import_organization_idx on lead_import (vendor_organization_id, created_at desc);
create index lead_import_unfinished_idx on lead_import (created_at) where finished_at is null;

-- The rows of an import: the cells as uploaded (column name to text) and, once worked off,
-- the outcome. row_number is the row in the file as a spreadsheet shows it (the header is 1).
create table lead_import_row (
    import_id   uuid          not null references lead_import (id) on delete cascade,
    row_number  integer       not null,
    row_key     varchar(100)  not null,
    cells       jsonb         not null,
    outcome     varchar(20)   check (outcome in ('CREATED', 'SKIPPED', 'FAILED')),
    message     varchar(1000),
    referral_id uuid,
    primary key (import_id, row_number)
);
create index lead_import_row_pending_idx on lead_import_row (import_id, row_number) where outcome is null;

-- Row keys already imported, per vendor program: the same key is never imported twice,
-- whichever file, import or node it comes from.
create table lead_import_key (
    vendor_organization_id uuid          not null,
    row_key                varchar(100)  not null,
    referral_id            uuid          not null,
    primary key (vendor_organization_id, row_key)
);
create index lead_import_key_referral_idx on lead_import_key (referral_id);
