-- The similar leads' roll-up (V141) kept by its differences instead of recounts (issue 16). Any
-- update of a referral marked its partner stale, an expiry or a note edit too, and each read then
-- recounted a stale partner's leads from the referrals until the next fold: after the expiry sweep
-- or a busy hour of sends, recommendations recounted the biggest partners' 100,000s of leads on each
-- request (p95 14 s, against 1.7 s with nothing stale). Now a change to what the roll-up counts
-- writes its difference, lead by lead; a read adds its partners' differences to their rows, and a
-- fold adds them into the roll-up.

-- A lead's catalogue tags (industries, products and services) as a sorted set: the roll-up's key.
create function referral_tag_set(requirements jsonb) returns text[] language sql immutable as $$
    select array(select distinct e #>> '{}'
                 from jsonb_array_elements(coalesce(requirements -> 'industries', '[]'::jsonb)
                                           || coalesce(requirements -> 'products', '[]'::jsonb)
                                           || coalesce(requirements -> 'services', '[]'::jsonb)) e
                 where jsonb_typeof(e) = 'string' order by 1)
$$;

-- What a committed change did to the counts of a partner's leads of one tag set, created at one
-- time (a read or fold takes only those the roll-up's period holds). Read by partner.
create table referral_similar_leads_change (
    vendor_organization_id uuid        not null,
    organization_id        uuid        not null,
    tags                   text[]      not null,
    created_at             timestamptz not null,
    leads                  integer     not null,
    accepted               integer     not null,
    declined               integer     not null,
    won                    integer     not null
);

create index referral_similar_leads_change_partner_idx on referral_similar_leads_change (organization_id);

-- Each lead (origin Lead) counted after the statement less before it, for the leads whose counted
-- columns it changed: partner, program, origin, creation time, acceptance, Declined or Won, tags.
create function referral_similar_leads_record() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into referral_similar_leads_change
        select vendor_organization_id, organization_id, referral_tag_set(requirements), created_at, count(*),
               count(*) filter (where accepted_at is not null), count(*) filter (where substatus = 'Declined'),
               count(*) filter (where substatus = 'Won')
        from changed_rows where origin = 'Lead'
        group by 1, 2, 3, 4;
    elsif tg_op = 'UPDATE' then
        insert into referral_similar_leads_change
        select x.vendor_organization_id, x.organization_id, referral_tag_set(x.requirements), x.created_at,
               sum(x.sign), sum(x.sign * x.accepted), sum(x.sign * x.declined), sum(x.sign * x.won)
        from changed_rows n join previous_rows o on o.id = n.id
        cross join lateral (values (1, n.vendor_organization_id, n.organization_id, n.origin, n.created_at,
                                    (n.accepted_at is not null)::int, (n.substatus = 'Declined')::int,
                                    (n.substatus = 'Won')::int, n.requirements),
                                   (-1, o.vendor_organization_id, o.organization_id, o.origin, o.created_at,
                                    (o.accepted_at is not null)::int, (o.substatus = 'Declined')::int,
                                    (o.substatus = 'Won')::int, o.requirements))
            x(sign, vendor_organization_id, organization_id, origin, created_at, accepted, declined, won, requirements)
        where x.origin = 'Lead'
          and (n.vendor_organization_id, n.organization_id, n.origin, n.created_at, n.accepted_at is null,
               n.substatus = 'Declined', n.substatus = 'Won', n.requirements)
              is distinct from
              (o.vendor_organization_id, o.organization_id, o.origin, o.created_at, o.accepted_at is null,
               o.substatus = 'Declined', o.substatus = 'Won', o.requirements)
        group by 1, 2, 3, 4
        having (sum(x.sign), sum(x.sign * x.accepted), sum(x.sign * x.declined), sum(x.sign * x.won))
               <> (0, 0, 0, 0);
    else
        insert into referral_similar_leads_change
        select vendor_organization_id, organization_id, referral_tag_set(requirements), created_at, -count(*),
               -count(*) filter (where accepted_at is not null), -count(*) filter (where substatus = 'Declined'),
               -count(*) filter (where substatus = 'Won')
        from previous_rows where origin = 'Lead'
        group by 1, 2, 3, 4;
    end if;
    return null;
end $$;

-- The partners marked stale are recounted once, here, before their marks go.
delete from referral_similar_leads s
using (select distinct organization_id from referral_similar_leads_stale) x
where s.organization_id = x.organization_id;

insert into referral_similar_leads
select r.vendor_organization_id, r.organization_id, referral_tag_set(r.requirements), count(*),
       count(*) filter (where r.accepted_at is not null), count(*) filter (where r.substatus = 'Declined'),
       count(*) filter (where r.substatus = 'Won')
from referral r
where r.organization_id in (select organization_id from referral_similar_leads_stale)
  and r.origin = 'Lead' and r.created_at >= (select since from referral_similar_leads_start)
group by 1, 2, 3;

drop trigger referral_similar_leads_inserted on referral;
drop trigger referral_similar_leads_updated on referral;
drop trigger referral_similar_leads_deleted on referral;
drop function referral_similar_leads_mark_stale();
drop table referral_similar_leads_stale;

create trigger referral_similar_leads_inserted after insert on referral
    referencing new table as changed_rows for each statement execute function referral_similar_leads_record();
create trigger referral_similar_leads_updated after update on referral
    referencing old table as previous_rows new table as changed_rows
    for each statement execute function referral_similar_leads_record();
create trigger referral_similar_leads_deleted after delete on referral
    referencing old table as previous_rows for each statement execute function referral_similar_leads_record();
