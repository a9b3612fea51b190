-- GET /v1.0/engagements/referrals/{id} for the biggest partner: one indexed row with the caller's favorite flag.
\set n random(1, 200000)
SELECT r.*, exists (SELECT 1 FROM referral_favorite f WHERE f.organization_id = r.organization_id AND f.principal_id = :principal AND f.referral_id = r.id) AS favorite
FROM referral r WHERE r.organization_id = :org::uuid AND r.id = ('00000000-0000-7000-8003-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid;
