-- Puts the seeded referrals that a previous run consumed back where the seed left them, and
-- moves the open ones' dates to now, so that every run starts from the same state however old
-- the seed is: the seeded Received referrals (n % 100 < 15) are open again, none is due.
with seeded as (
    select organization_id, id, ('x' || right(id::text, 12))::bit(48)::bigint as n
    from referral
    where vendor_organization_id = '00000000-0000-7000-8000-000000000000'
      and id::text like '00000000-0000-7000-8003-%')
update referral r
set substatus = 'Received', status_reason = null, accepted_at = null, closed_at = null,
    created_at = now() - ((s.n % 1200000) / 100.0) * interval '1 second',
    updated_at = now() - ((s.n % 1200000) / 100.0) * interval '1 second',
    expires_at = now() - ((s.n % 1200000) / 100.0) * interval '1 second' + interval '14 days',
    version = r.version + 1
from seeded s
where r.organization_id = s.organization_id and r.id = s.id and s.n % 100 < 15;

-- Work a previous run left in the outbox would be retried during this one.
delete from event_publication;

-- An import a previous run left unfinished would resume during this one (its rows cascade).
delete from lead_import where finished_at is null;
