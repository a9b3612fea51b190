-- An expiry moves nothing of a partner's figures in the slowest responders' roll-up (V145) but its
-- count of expired leads: it is neither an answer nor a response time. So an expiry that changes
-- nothing else no longer names the partner for the whole recount, which reads and sorts every lead
-- of the partner's periods; it names the partner here, for a recount of that one count, which the
-- index of its leads by status answers. An expiry sweep changes leads of nearly every partner:
-- the whole recount cost the sweep of 200,000 up to 581 µs of PostgreSQL per referral.
create table referral_responder_expired_stale (
    vendor_organization_id uuid not null,
    organization_id        uuid not null
);

create or replace function referral_figures_mark_stale() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into referral_figures_stale
        select distinct vendor_organization_id, (created_at at time zone 'UTC')::date,
               case when accepted_at is not null or substatus in ('Declined', 'Expired') then organization_id end
        from changed_rows;
    elsif tg_op = 'UPDATE' then
        with pairs as (
            select n.vendor_organization_id, n.organization_id, n.created_at,
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
                   as expired_only
            from changed_rows n join previous_rows o on o.id = n.id),
        expired as (
            insert into referral_responder_expired_stale
            select distinct vendor_organization_id, organization_id from pairs where expired_only)
        insert into referral_figures_stale
        select distinct vendor_organization_id, (created_at at time zone 'UTC')::date, null::uuid from changed_rows
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

