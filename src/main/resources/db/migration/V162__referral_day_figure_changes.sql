-- An expiry moves two counts of its day's figures (V140): one lead less open, one more expired. It
-- changes nothing else the roll-ups count (neither an answer nor a keyword's count), yet it marked
-- its whole day for a recount from the referrals; an expiry sweep touches nearly every day of a
-- program, and those recounts cost the sweep of 200,000 up to 173 µs of PostgreSQL per referral.
-- Now an expiry that changes nothing else writes its difference here, in the transaction of the
-- change itself; a fold adds the differences to the figures, and a recount of a day drops the
-- differences of that day its snapshot already counts. The figures' columns without their key: a
-- row per cell and batch.
create table referral_day_figure_changes (like referral_day_figures);

-- As V161, but for an expiry that changes nothing else the day's figures count (requirements,
-- currency): its difference instead of a mark of its day. And a change of nothing the figures
-- count (a note, the team, a response window moved) marks no day at all.
create or replace function referral_figures_mark_stale() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into referral_figures_stale
        select distinct vendor_organization_id, (created_at at time zone 'UTC')::date,
               case when accepted_at is not null or substatus in ('Declined', 'Expired') then organization_id end
        from changed_rows;
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
