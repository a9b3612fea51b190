-- An answer (a new lead accepted or declined) moves its day's figures by a difference, as a new
-- lead does since V163: one lead less open in the cell of its old currency, one more accepted (or
-- declined) in the cell of the deal's currency, its value open; each of its tags once more
-- declined when it is declined; one more answer in the bucket of its response time, whose fastest
-- and slowest only widen. It marked its whole day for a recount from the referrals: each fold
-- recounted every day whose leads were answered since the last (in the bench, where answers
-- reach leads of every day of the year, the fold's recounts cost an accept 5-8 ms of PostgreSQL's
-- time, its own update 1 ms). The partner's responder figures (V145) still need a recount of the
-- partner: an answer now marks that alone, in referral_responder_stale.

-- The response times' columns without their key: a row per cell and statement.
create table referral_day_response_time_changes (like referral_day_response_times);

-- A lead's requirement tags, each once: the keywords the insights count (the recount reads them
-- through it too).
create function referral_keywords(requirements jsonb) returns setof text language sql immutable as $$
    select distinct t.keyword from jsonb_array_elements_text(
        coalesce(requirements -> 'industries', '[]'::jsonb) || coalesce(requirements -> 'products', '[]'::jsonb)
        || coalesce(requirements -> 'services', '[]'::jsonb) || coalesce(requirements -> 'solutions', '[]'::jsonb))
        as t(keyword)
$$;

-- A partner whose leads of a day were answered: its responder figures to recount, not the day.
create table referral_responder_stale (
    vendor_organization_id uuid not null,
    day                    date not null,
    organization_id        uuid not null
);

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
            cross join lateral referral_keywords(r.requirements) k(keyword)
            group by 1, 2, 3, 4)
        insert into referral_figures_stale
        select distinct vendor_organization_id, (created_at at time zone 'UTC')::date,
               case when accepted_at is not null or substatus in ('Declined', 'Expired') then organization_id end
        from changed_rows
        where not (origin = 'Lead' and substatus = 'Received' and accepted_at is null);
    elsif tg_op = 'UPDATE' then
        with pairs as (
            select n.id, n.vendor_organization_id, n.organization_id, n.created_at, n.qualification, n.currency,
                   n.origin, o.vendor_organization_id as old_vendor_organization_id, o.organization_id as old_organization_id,
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
                   o.substatus = 'Received' and o.accepted_at is null and n.substatus in ('Accepted', 'Declined')
                   and n.origin = 'Lead' and (n.accepted_at is not null or n.substatus = 'Declined')
                   and coalesce(n.accepted_at, n.closed_at) is not null
                   and (n.organization_id, n.created_at, n.qualification, n.origin, n.vendor_organization_id,
                        n.requirements)
                       is not distinct from
                       (o.organization_id, o.created_at, o.qualification, o.origin, o.vendor_organization_id,
                        o.requirements)
                   as answered_only,
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
            group by 1, 2, 3, 4),
        answers as (
            select n.*, o.currency as old_currency,
                   extract(epoch from coalesce(n.accepted_at, n.closed_at) - n.created_at) as seconds
            from pairs p join changed_rows n on n.id = p.id join previous_rows o on o.id = p.id
            where p.answered_only),
        answered_cells as (
            insert into referral_day_figure_changes
            select vendor_organization_id, day, qualification, currency, sum(received), sum(accepted), 0, 0,
                   sum(declined), 0, sum(open), sum(in_progress), sum(open_value), 0
            from (select vendor_organization_id, (created_at at time zone 'UTC')::date as day, qualification,
                         coalesce(currency, '') as currency, 1 as received, (accepted_at is not null)::int as accepted,
                         (substatus = 'Declined')::int as declined, 0 as open,
                         (substatus = 'Accepted')::int as in_progress,
                         case when substatus = 'Accepted' then coalesce(deal_value, 0) else 0 end as open_value
                  from answers
                  union all
                  select vendor_organization_id, (created_at at time zone 'UTC')::date, qualification,
                         coalesce(old_currency, ''), -1, 0, 0, -1, 0, 0
                  from answers) x
            group by 1, 2, 3, 4),
        answered_keywords as (
            insert into referral_day_keyword_changes
            select a.vendor_organization_id, (a.created_at at time zone 'UTC')::date, a.qualification, k.keyword,
                   0, count(*)
            from answers a
            cross join lateral referral_keywords(a.requirements) k(keyword)
            where a.substatus = 'Declined'
            group by 1, 2, 3, 4),
        answered_times as (
            insert into referral_day_response_time_changes
            select vendor_organization_id, (created_at at time zone 'UTC')::date, qualification,
                   floor(ln(1 + greatest(seconds, 0)) * 16)::integer, count(*), min(seconds::float8),
                   max(seconds::float8)
            from answers group by 1, 2, 3, 4),
        responders as (
            insert into referral_responder_stale
            select distinct vendor_organization_id, (created_at at time zone 'UTC')::date, organization_id
            from answers)
        insert into referral_figures_stale
        select distinct vendor_organization_id, (created_at at time zone 'UTC')::date, null::uuid from pairs
        where figured and not (expired_only and same_cell_figures) and not answered_only
        union
        select x.vendor_organization_id, (x.created_at at time zone 'UTC')::date, x.organization_id
        from pairs p
        cross join lateral (values (p.vendor_organization_id, p.created_at, p.organization_id),
                                   (p.old_vendor_organization_id, p.old_created_at, p.old_organization_id))
            x(vendor_organization_id, created_at, organization_id)
        where p.counted and not p.expired_only and not p.answered_only;
    else
        insert into referral_figures_stale
        select distinct vendor_organization_id, (created_at at time zone 'UTC')::date,
               case when accepted_at is not null or substatus in ('Declined', 'Expired') then organization_id end
        from previous_rows;
    end if;
    return null;
end $$;
