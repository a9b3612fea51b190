-- Trigram matching (typo-tolerant search) and accent folding; both ship with PostgreSQL
-- (contrib) and are trusted extensions, so the database owner may create them.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- The marketplace's search index: one row per business profile, listed while it has a location.
-- Kept by the marketplace from the partners' profile events; version guards against an older
-- event overwriting a newer one (so unlisted profiles keep their row).
create table marketplace_listing (
    profile_id             uuid         primary key,
    organization_id        uuid         not null,
    vendor_organization_id uuid         not null,
    version                integer      not null,
    listed                 boolean      not null,
    name                   varchar(200) not null,
    -- tags (weight A) and names (weight B), English stemming, accents folded
    document               tsvector     not null,
    -- exact filters as tokens: industry:<tag>, product:<tag>, service:<tag>, solution:<tag>,
    -- size:<code>, country:<code>, city:<name>, all lower case
    filters                text[]       not null,
    -- the partner's responsiveness score (0 to 1), copied from routing; 0.5 is neutral
    responsiveness         real         not null default 0.5,
    -- what a search result shows (name, logo version, locations, tags), so that a page of
    -- results is one query
    card                   jsonb        not null,
    indexed_at             timestamptz  not null
);
create index marketplace_listing_document_idx on marketplace_listing using gin (document);
create index marketplace_listing_filters_idx on marketplace_listing using gin (filters);
create index marketplace_listing_organization_idx on marketplace_listing (organization_id);
-- Browsing without keywords or filters: the most responsive partners first.
create index marketplace_listing_browse_idx on marketplace_listing (responsiveness desc, name, profile_id)
    where listed;

-- Every word of the indexed names and tags: a search word with a typo is corrected to the
-- most similar of them (trigram similarity) before the full-text search.
create table marketplace_term (
    term varchar(100) primary key
);
create index marketplace_term_trigram_idx on marketplace_term using gin (term gin_trgm_ops);

-- The private link a customer gets to follow an inquiry. Only a hash of its token is kept.
create table marketplace_inquiry (
    token_hash      char(64)    primary key,
    organization_id uuid        not null,
    referral_id     uuid        not null,
    profile_id      uuid        not null,
    created_at      timestamptz not null
);

-- Inquiries sent per client address, for the rate limit; in the database so that every node
-- counts the same.
create table marketplace_inquiry_attempt (
    client_address varchar(64) not null,
    attempted_at   timestamptz not null
);
create index marketplace_inquiry_attempt_address_idx on marketplace_inquiry_attempt (client_address, attempted_at);
create index marketplace_inquiry_attempt_time_idx on marketplace_inquiry_attempt (attempted_at);
