-- PATCH accept: read the referral, update it if its version has not moved, append the timeline entry.
-- :k picks one of the partner's Received referrals (those with n % 100 < 15).
\set k random(0, 17984)
\set n (3501 + :k / 15) * 100 + :k % 15
BEGIN;
SELECT r.version AS v FROM referral r WHERE r.organization_id = :org::uuid AND r.id = ('00000000-0000-7000-8003-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid \gset
UPDATE referral SET version = :v + 1, substatus = 'Accepted', name = 'Alpine Dairy ERP', deal_value = 30000, currency = 'EUR', closing_at = now() + interval '60 days', notes = 'Three warehouses', updated_at = now(), accepted_at = now()
WHERE organization_id = :org::uuid AND id = ('00000000-0000-7000-8003-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid AND version = :v;
INSERT INTO referral_timeline (organization_id, referral_id, occurred_at, actor_id, actor_name, source, action, changes)
VALUES (:org::uuid, ('00000000-0000-7000-8003-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid, now(), 'bench-partner', 'Bench Partner CRM', 'API', 'accepted', '{"substatus": {"from": "Received", "to": "Accepted"}}');
END;
