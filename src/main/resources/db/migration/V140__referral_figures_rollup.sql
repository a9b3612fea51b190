-- The insights' figures of a vendor's whole program, rolled up per day of creation (UTC) and lead
-- type, so that a year is a few thousand rows instead of a million referrals (issue 16). A
-- referral's day and vendor never change, so each (vendor, day) cell is recomputed whole from the
-- referrals whenever one of them changes: idempotent, and exact whatever the order of changes.

-- Counts and deal values; currency '' gathers the referrals without a deal value; open counts the
-- leads still waiting for an answer, in_progress the accepted ones still being worked.
create table referral_day_figures (
    vendor_organization_id uuid           not null,
    day                    date           not null,
    qualification          varchar(20)    not null,
    currency               varchar(3)     not null,
    received               integer        not null,
    accepted               integer        not null,
    won                    integer        not null,
    lost                   integer        not null,
    declined               integer        not null,
    expired                integer        not null,
    open                   integer        not null,
    in_progress            integer        not null,
    open_value             numeric(19, 2) not null,
    won_value              numeric(19, 2) not null,
    primary key (vendor_organization_id, day, qualification, currency)
);

-- Per requirement tag: in how many leads it came, and how many of those were declined.
create table referral_day_keywords (
    vendor_organization_id uuid         not null,
    day                    date         not null,
    qualification          varchar(20)  not null,
    keyword                text         not null,
    received               integer      not null,
    declined               integer      not null,
    primary key (vendor_organization_id, day, qualification, keyword)
);

-- How many answers fell into each response-time bucket (16 per factor e, about 6.5 % wide), with
-- the smallest and largest of them: a median is found in its bucket, then read exactly from the
-- referrals of that bucket alone (referral_vendor_response_idx).
create table referral_day_response_times (
    vendor_organization_id uuid             not null,
    day                    date             not null,
    qualification          varchar(20)      not null,
    bucket                 integer          not null,
    answered               integer          not null,
    fastest                double precision not null,
    slowest                double precision not null,
    primary key (vendor_organization_id, day, qualification, bucket)
);

create index referral_vendor_response_idx on referral (vendor_organization_id,
    (floor(ln(1 + greatest(extract(epoch from coalesce(accepted_at, closed_at) - created_at), 0)) * 16)::integer),
    created_at)
    where accepted_at is not null or substatus = 'Declined';

-- The latest expired leads of a program, walked from the newest expiry.
create index referral_vendor_expired_idx on referral (vendor_organization_id, closed_at desc, id)
    where substatus = 'Expired';

-- Cells to recompute. Written by the triggers below in the transaction of the change itself, so no
-- change is ever missed; duplicates are fine (no key): whoever folds them deletes only the rows
-- its snapshot sees, so a change committed meanwhile leaves its own row for the next fold.
create table referral_figures_stale (
    vendor_organization_id uuid not null,
    day                    date not null
);

create function referral_figures_mark_stale() returns trigger language plpgsql as $$
begin
    -- a referral's vendor and creation day never change: the new rows name the cells
    if tg_op = 'DELETE' then
        insert into referral_figures_stale
        select distinct vendor_organization_id, (created_at at time zone 'UTC')::date from previous_rows;
    else
        insert into referral_figures_stale
        select distinct vendor_organization_id, (created_at at time zone 'UTC')::date from changed_rows;
    end if;
    return null;
end $$;

create trigger referral_figures_inserted after insert on referral
    referencing new table as changed_rows for each statement execute function referral_figures_mark_stale();
create trigger referral_figures_updated after update on referral
    referencing new table as changed_rows for each statement execute function referral_figures_mark_stale();
create trigger referral_figures_deleted after delete on referral
    referencing old table as previous_rows for each statement execute function referral_figures_mark_stale();

-- Everything there is now: the first fold builds the roll-up whole.
insert into referral_figures_stale
select distinct vendor_organization_id, (created_at at time zone 'UTC')::date from referral;
