-- The expiry sweep as one set-based statement per batch of 500: lock due rows, expire them, append their timeline entries.
WITH due AS (
    SELECT organization_id, id FROM referral WHERE substatus = 'Received' AND expires_at <= now()
    ORDER BY expires_at LIMIT 500 FOR UPDATE SKIP LOCKED),
expired AS (
    UPDATE referral r SET version = r.version + 1, substatus = 'Expired', updated_at = now(), closed_at = now()
    FROM due WHERE r.organization_id = due.organization_id AND r.id = due.id RETURNING r.organization_id, r.id)
INSERT INTO referral_timeline (organization_id, referral_id, occurred_at, actor_id, actor_name, source, action, changes)
SELECT organization_id, id, now(), 'system', 'LeadRelay', 'SYSTEM', 'expired', '{"substatus": {"from": "Received", "to": "Expired"}}' FROM expired;
