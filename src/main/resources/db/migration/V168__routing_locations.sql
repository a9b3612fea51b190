-- Owned by the routing module: its copy of every program's current partner locations, with the
-- partner's name and responsiveness, so that a recommendation reads the locations of one country
-- (or region) in order of responsiveness through one index, and only as many as it takes, where it
-- read every location of each partner in turn (five per partner, one in the country asked for).
-- Locations never change but for their removal: the partner module's PartnerLocationsChanged keeps
-- the copy exact inside the change's transaction, the responsiveness job copies the scores and
-- fills in whatever is missing (the first start after this migration fills it whole).
create table routing_location (
    organization_id         uuid         not null,
    location_id             uuid         not null,
    vendor_id               uuid         not null,
    partner_name            varchar(200) not null,
    name                    varchar(200) not null,
    city                    varchar(100) not null,
    country                 char(2)      not null,
    -- the country in upper case, as recommendations compare it, and its region (null outside ISO 3166)
    country_code            text         not null,
    region                  text,
    -- the partner's responsiveness (partner_responsiveness); all null without history
    answered                integer,
    expired                 integer,
    median_response_seconds bigint,
    score                   real,
    primary key (organization_id, location_id)
);

create index routing_location_by_country on routing_location (vendor_id, country_code, score, organization_id, location_id);
create index routing_location_by_region on routing_location (vendor_id, region, score, organization_id, location_id);
create index routing_location_by_score on routing_location (vendor_id, score, organization_id, location_id);
