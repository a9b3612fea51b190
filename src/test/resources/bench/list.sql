-- GET /v1.0/engagements/referrals?$filter=status eq 'New'&$orderby=expirationDateTime&$top=50 for the biggest partner.
SELECT r.*, exists (SELECT 1 FROM referral_favorite f WHERE f.organization_id = r.organization_id AND f.principal_id = :principal AND f.referral_id = r.id) AS favorite
FROM referral r WHERE r.organization_id = :org::uuid AND r.substatus IN ('Received')
ORDER BY r.expires_at ASC, r.id ASC LIMIT 51 OFFSET 0;
