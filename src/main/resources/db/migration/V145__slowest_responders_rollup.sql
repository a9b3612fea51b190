-- The vendor's slowest responders (issue 16): each partner's median response time and its answered
-- and expired leads over the periods the insights page offers, which end today and start a number
-- of months before (3, 6 and 12: leadrelay.referrals.responder-lookback-months). A median per
-- partner cannot be summed from days, so these are recounted from the referrals, partner by
-- partner: the partners a change touched, and those whose leads leave a period as its first day
-- moves on. Nothing is created after today, so a period is every lead from its first day on.

-- Where each period of a vendor starts now.
create table referral_responder_periods (
    vendor_organization_id uuid    not null,
    months                 integer not null,
    since                  date    not null,
    primary key (vendor_organization_id, months)
);

-- Per partner with at least one answer: qualification '' counts every type, as the page does
-- when no type is chosen. median is the percentile_cont of the recount itself, so ties and order
-- are those of counting from the referrals.
create table referral_responder_figures (
    vendor_organization_id uuid             not null,
    months                 integer          not null,
    qualification          varchar(20)      not null,
    organization_id        uuid             not null,
    answered               integer          not null,
    expired                integer          not null,
    median                 double precision not null,
    primary key (vendor_organization_id, months, qualification, organization_id)
);

create index referral_responder_figures_slowest_idx
    on referral_responder_figures (vendor_organization_id, months, qualification, median desc);

-- The stale marks name the partners too, so that a fold knows whose periods to recount. Marks
-- written before this migration have none: the periods are built whole when first kept.
alter table referral_figures_stale add column organization_id uuid;

create or replace function referral_figures_mark_stale() returns trigger language plpgsql as $$
begin
    -- a referral's vendor and creation day never change: the new rows name the cells; an update
    -- that hands a lead to another partner touches both partners
    if tg_op = 'INSERT' then
        insert into referral_figures_stale
        select distinct vendor_organization_id, (created_at at time zone 'UTC')::date, organization_id
        from changed_rows;
    elsif tg_op = 'UPDATE' then
        insert into referral_figures_stale
        select vendor_organization_id, (created_at at time zone 'UTC')::date, organization_id from changed_rows
        union
        select vendor_organization_id, (created_at at time zone 'UTC')::date, organization_id from previous_rows;
    else
        insert into referral_figures_stale
        select distinct vendor_organization_id, (created_at at time zone 'UTC')::date, organization_id
        from previous_rows;
    end if;
    return null;
end $$;

drop trigger referral_figures_updated on referral;
create trigger referral_figures_updated after update on referral
    referencing old table as previous_rows new table as changed_rows
    for each statement execute function referral_figures_mark_stale();
