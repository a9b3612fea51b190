-- A new lead moves its day's figures by a difference, as an expiry does since V162: one lead more
-- received and open, and each of its requirement tags once more in the day's keywords. It marked
-- its whole day for a recount from the referrals, and a vendor's day is every lead sent that day:
-- under a steady stream of new leads each fold (every 30 s) recounted the day's figures, keywords
-- and response times over all of them, a cost that grew with every lead of the day (a create cost
-- PostgreSQL 3.4 ms of CPU, three times its own statements, in the bench's afternoon runs). A lead
-- inserted already answered (a past deal, demo data) still marks its day, as does every other
-- change V162 does not write as a difference.

-- The keywords' columns without their key: a row per cell and statement.
create table referral_day_keyword_changes (like referral_day_keywords);

create or replace function referral_figures_mark_stale() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        with received as (
            select * from changed_rows
            where origin = 'Lead' and substatus = 'Received' and accepted_at is null),
        counted as (
            insert into referral_day_figure_changes
            select vendor_organization_id, (created_at at time zone 'UTC')::date, qualification,
                   coalesce(currency, ''), count(*), 0, 0, 0, 0, 0, count(*), 0, 0, 0
            from received group by 1, 2, 3, 4),
        keywords as (
            insert into referral_day_keyword_changes
            select r.vendor_organization_id, (r.created_at at time zone 'UTC')::date, r.qualification, k.keyword,
                   count(*), 0
            from received r
            cross join lateral (
                select distinct t.keyword from jsonb_array_elements_text(
                    coalesce(r.requirements -> 'industries', '[]'::jsonb)
                    || coalesce(r.requirements -> 'products', '[]'::jsonb)
                    || coalesce(r.requirements -> 'services', '[]'::jsonb)
                    || coalesce(r.requirements -> 'solutions', '[]'::jsonb)) as t(keyword)) k
            group by 1, 2, 3, 4)
        insert into referral_figures_stale
        select distinct vendor_organization_id, (created_at at time zone 'UTC')::date,
               case when accepted_at is not null or substatus in ('Declined', 'Expired') then organization_id end
        from changed_rows
        where not (origin = 'Lead' and substatus = 'Received' and accepted_at is null);
    elsif tg_op = 'UPDATE' then
        with pairs as (
            select n.vendor_organization_id, n.organization_id, n.created_at, n.qualification, n.currency, n.origin,
                   o.vendor_organization_id as old_vendor_organization_id, o.organization_id as old_organization_id,
                   o.created_at as old_created_at,
                   (n.substatus, n.accepted_at, n.closed_at, n.organization_id, n.created_at, n.qualification, n.origin)
                   is distinct from
                   (o.substatus, o.accepted_at, o.closed_at, o.organization_id, o.created_at, o.qualification, o.origin)
                   as counted,
                   o.substatus = 'Received' and n.substatus = 'Expired'
                   and (n.accepted_at, n.organization_id, n.created_at, n.qualification, n.origin, n.vendor_organization_id)
                       is not distinct from
                       (o.accepted_at, o.organization_id, o.created_at, o.qualification, o.origin, o.vendor_organization_id)
                   as expired_only,
                   (n.currency, n.requirements) is not distinct from (o.currency, o.requirements) as same_cell_figures,
                   (n.origin, n.vendor_organization_id, n.created_at, n.qualification, n.currency, n.accepted_at,
                    n.closed_at, n.substatus, n.deal_value, n.requirements)
                   is distinct from
                   (o.origin, o.vendor_organization_id, o.created_at, o.qualification, o.currency, o.accepted_at,
                    o.closed_at, o.substatus, o.deal_value, o.requirements)
                   as figured
            from changed_rows n join previous_rows o on o.id = n.id),
        expired as (
            insert into referral_responder_expired_stale
            select distinct vendor_organization_id, organization_id from pairs where expired_only),
        moved as (
            insert into referral_day_figure_changes
            select vendor_organization_id, (created_at at time zone 'UTC')::date, qualification,
                   coalesce(currency, ''), 0, 0, 0, 0, 0, count(*), -count(*), 0, 0, 0
            from pairs where expired_only and same_cell_figures and origin = 'Lead'
            group by 1, 2, 3, 4)
        insert into referral_figures_stale
        select distinct vendor_organization_id, (created_at at time zone 'UTC')::date, null::uuid from pairs
        where figured and not (expired_only and same_cell_figures)
        union
        select x.vendor_organization_id, (x.created_at at time zone 'UTC')::date, x.organization_id
        from pairs p
        cross join lateral (values (p.vendor_organization_id, p.created_at, p.organization_id),
                                   (p.old_vendor_organization_id, p.old_created_at, p.old_organization_id))
            x(vendor_organization_id, created_at, organization_id)
        where p.counted and not p.expired_only;
    else
        insert into referral_figures_stale
        select distinct vendor_organization_id, (created_at at time zone 'UTC')::date,
               case when accepted_at is not null or substatus in ('Declined', 'Expired') then organization_id end
        from previous_rows;
    end if;
    return null;
end $$;
