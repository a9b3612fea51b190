-- A partner is recounted for the slowest responders (V145) only when a change can move its figures:
-- a lead answered, expired, handed over, retyped or redated, or one such lead added or removed. A
-- new open lead, or an edit of a deal or of notes, still marks its cell for the daily roll-ups,
-- without naming the partner: with 200,000 leads a year, the biggest partner's recount is not free.
create or replace function referral_figures_mark_stale() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into referral_figures_stale
        select distinct vendor_organization_id, (created_at at time zone 'UTC')::date,
               case when accepted_at is not null or substatus in ('Declined', 'Expired') then organization_id end
        from changed_rows;
    elsif tg_op = 'UPDATE' then
        insert into referral_figures_stale
        select distinct vendor_organization_id, (created_at at time zone 'UTC')::date, null::uuid from changed_rows
        union
        select x.vendor_organization_id, (x.created_at at time zone 'UTC')::date, x.organization_id
        from changed_rows n join previous_rows o on o.id = n.id
        cross join lateral (values (n.vendor_organization_id, n.created_at, n.organization_id),
                                   (o.vendor_organization_id, o.created_at, o.organization_id))
            x(vendor_organization_id, created_at, organization_id)
        where (n.substatus, n.accepted_at, n.closed_at, n.organization_id, n.created_at, n.qualification, n.origin)
              is distinct from
              (o.substatus, o.accepted_at, o.closed_at, o.organization_id, o.created_at, o.qualification, o.origin);
    else
        insert into referral_figures_stale
        select distinct vendor_organization_id, (created_at at time zone 'UTC')::date,
               case when accepted_at is not null or substatus in ('Declined', 'Expired') then organization_id end
        from previous_rows;
    end if;
    return null;
end $$;
