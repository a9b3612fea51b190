-- How fast and how reliably each partner answered its leads of the last 90 days, refreshed
-- periodically from the referrals. A partner without a row has no history: a neutral score.
create table partner_responsiveness (
    organization_id         uuid        primary key references organization (id),
    answered                integer     not null,
    expired                 integer     not null,
    median_response_seconds bigint,
    score                   real        not null check (score between 0 and 1),
    refreshed_at            timestamptz not null
);
