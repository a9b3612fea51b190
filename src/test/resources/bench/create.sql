-- POST /v1.0/engagements/referrals: find the target location, insert the referral and its first timeline entry.
\set p random(4, 20000)
\set l random(1, 5)
BEGIN;
SELECT organization_id, id, name, city, country, alert_emails FROM partner_location WHERE id = ('00000000-0000-7000-8002-' || lpad(to_hex((:p * 10 + :l)::bigint), 12, '0'))::uuid AND removed_at IS NULL;
SELECT gen_random_uuid() AS rid \gset
INSERT INTO referral (organization_id, id, version, vendor_organization_id, location_id, engagement_id, qualification, type, substatus, name, customer_name, customer_address, customer_country, customer_size, customer_team, consent_to_contact, consent_to_share, notes, deal_value, currency, closing_at, requirements, team, created_by, created_by_name, created_at, updated_at, expires_at)
VALUES (('00000000-0000-7000-8001-' || lpad(to_hex(:p::bigint), 12, '0'))::uuid, :rid::uuid, 1, '00000000-0000-7000-8000-000000000000', ('00000000-0000-7000-8002-' || lpad(to_hex((:p * 10 + :l)::bigint), 12, '0'))::uuid, gen_random_uuid(), 'SalesQualified', 'Independent', 'Received', 'ERP for Alpine Dairy', 'Alpine Dairy Kft.', '{"city": "Debrecen", "country": "HU"}', 'HU', '51to250employees', '[{"firstName": "Eszter", "lastName": "Nagy", "email": "eszter@alpine.example"}]', true, false, 'Replace spreadsheets with an ERP', 25000, 'EUR', now() + interval '90 days', '{"industries": ["Manufacturing"], "products": ["Northwind ERP"], "services": [], "solutions": []}', '[]', 'bench-vendor', 'Bench Vendor CRM', now(), now(), now() + interval '14 days');
INSERT INTO referral_timeline (organization_id, referral_id, occurred_at, actor_id, actor_name, source, action, changes)
VALUES (('00000000-0000-7000-8001-' || lpad(to_hex(:p::bigint), 12, '0'))::uuid, :rid::uuid, now(), 'bench-vendor', 'Bench Vendor CRM', 'API', 'received', '{"substatus": {"from": null, "to": "Received"}}');
END;
