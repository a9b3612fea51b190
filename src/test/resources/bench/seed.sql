-- Benchmark data at scale: one vendor, 20,000 partners with 5 locations each (100,000
-- locations) and 2,000,000 referrals. A few partners are huge (200k, 150k, 120k referrals);
-- the rest share the remainder with a long tail. Every stage and type is present, ids are
-- derived from a sequence number so that pgbench scripts can address them too.
insert into organization (id, name, kind, vendor_id, created_at)
values ('00000000-0000-7000-8000-000000000000', 'Bench Vendor', 'VENDOR', null, now() - interval '400 days');

insert into organization (id, name, kind, vendor_id, created_at)
select ('00000000-0000-7000-8001-' || lpad(to_hex(p), 12, '0'))::uuid, 'Partner ' || p, 'PARTNER',
       '00000000-0000-7000-8000-000000000000', now() - interval '400 days'
from generate_series(1, 20000) p;

insert into partner_location (organization_id, id, name, city, country, alert_emails, created_at)
select ('00000000-0000-7000-8001-' || lpad(to_hex(p), 12, '0'))::uuid,
       ('00000000-0000-7000-8002-' || lpad(to_hex(p * 10 + l), 12, '0'))::uuid,
       'Partner ' || p || ' office ' || l,
       (array['Budapest', 'Vienna', 'Seattle', 'Berlin', 'Prague', 'Warsaw', 'Madrid', 'Lyon'])[1 + (p + l) % 8],
       (array['HU', 'AT', 'US', 'DE', 'CZ', 'PL', 'ES', 'FR'])[1 + (p + l) % 8],
       array['leads' || l || '@partner' || p || '.example'], now() - interval '400 days'
from generate_series(1, 20000) p, generate_series(1, 5) l;

-- Referral n belongs to partner partner_of(n): 1..200000 -> partner 1, ..150000 -> 2,
-- ..120000 -> 3, the rest spread over partners 4..20000 with a skew towards low numbers.
create temporary table bench_referral_owner as
select n,
       case
           when n <= 200000 then 1
           when n <= 350000 then 2
           when n <= 470000 then 3
           else 4 + floor(19996 * power(((n * 2654435761::bigint) % 1000003) / 1000003.0, 2))::int
       end as partner
from generate_series(1, 2000000) n;

insert into referral (organization_id, id, version, vendor_organization_id, location_id, engagement_id,
                      qualification, type, substatus, status_reason, name, external_reference_id, campaign_id,
                      customer_name, customer_address, customer_country, customer_size, customer_team,
                      consent_to_contact, consent_to_share, notes, deal_value, currency, closing_at, requirements,
                      team, invite_notes, contact_requested_at, created_by, created_by_name, created_at, updated_at,
                      expires_at, accepted_at, closed_at)
select ('00000000-0000-7000-8001-' || lpad(to_hex(o.partner), 12, '0'))::uuid,
       ('00000000-0000-7000-8003-' || lpad(to_hex(o.n), 12, '0'))::uuid,
       1,
       '00000000-0000-7000-8000-000000000000',
       ('00000000-0000-7000-8002-' || lpad(to_hex(o.partner * 10 + 1 + o.n % 5), 12, '0'))::uuid,
       gen_random_uuid(),
       (array['Direct', 'MarketingQualified', 'SalesQualified'])[1 + o.n % 3],
       case when o.n % 10 = 0 then 'Shared' else 'Independent' end,
       s.substatus,
       case s.substatus when 'Declined' then 'NoCapacity' when 'Lost' then 'Price' end,
       case when s.substatus <> 'Received' or o.n % 3 <> 0 then 'Deal ' || o.n end,
       case when s.substatus in ('Accepted', 'Won', 'Lost') and o.n % 2 = 0 then 'CRM-' || o.n end,
       null,
       'Customer ' || (o.n % 50000) || (array[' Kft.', ' GmbH', ' Inc.', ' Zrt.', ' AG'])[1 + o.n % 5],
       jsonb_build_object('city', 'City ' || o.n % 300, 'country', (array['HU', 'AT', 'US', 'DE', 'CZ'])[1 + o.n % 5]),
       (array['HU', 'AT', 'US', 'DE', 'CZ'])[1 + o.n % 5],
       (array['1to9employees', '10to50employees', '51to250employees', '251to1000employees'])[1 + o.n % 4],
       jsonb_build_array(jsonb_build_object('firstName', 'Contact', 'lastName', 'No ' || o.n,
                                            'email', 'contact' || o.n || '@customer.example')),
       true, o.n % 2 = 0,
       'Needs help with product ' || o.n % 7 || ' for about ' || (10 + o.n % 500) || ' users',
       case when o.n % 3 <> 0 or s.substatus <> 'Received' then 1000 + (o.n * 37) % 200000 end,
       case when o.n % 3 <> 0 or s.substatus <> 'Received' then (array['EUR', 'USD', 'HUF'])[1 + o.n % 3] end,
       t.created + interval '90 days',
       jsonb_build_object('industries', jsonb_build_array((array['Manufacturing', 'Retail', 'Healthcare', 'Public sector'])[1 + o.n % 4]),
                          'products', jsonb_build_array((array['Northwind ERP', 'Northwind CRM', 'Northwind Analytics'])[1 + o.n % 3]),
                          'services', jsonb_build_array('Implementation'), 'solutions', jsonb_build_array()),
       '[]'::jsonb,
       null,
       case when o.n % 11 = 0 then t.created end,
       'client:bench-vendor', 'Bench Vendor CRM',
       t.created,
       t.created + case when s.substatus = 'Received' then interval '0' else interval '2 days' end,
       t.created + interval '14 days',
       case when s.substatus in ('Accepted', 'Won', 'Lost') then t.created + interval '2 days' end,
       case when s.substatus in ('Won', 'Lost', 'Declined', 'Expired') then t.created + interval '2 days' end
from bench_referral_owner o
cross join lateral (
    select case
               when o.n % 100 < 15 then 'Received'
               when o.n % 100 < 35 then 'Accepted'
               when o.n % 100 < 60 then 'Won'
               when o.n % 100 < 75 then 'Lost'
               when o.n % 100 < 90 then 'Declined'
               else 'Expired'
           end as substatus) s
cross join lateral (
    -- Received ones are recent (still open), the others spread over the last year.
    select case when s.substatus = 'Received' then now() - ((o.n % 1200000) / 100.0) * interval '1 second'
                else now() - interval '20 days' - (o.n % 345) * interval '1 day' - (o.n % 86400) * interval '1 second'
           end as created) t;

insert into referral_timeline (organization_id, referral_id, occurred_at, actor_id, actor_name, source, action, changes)
select organization_id, id, created_at, created_by, created_by_name, 'API', 'received',
       '{"substatus": {"from": null, "to": "Received"}}'::jsonb
from referral where vendor_organization_id = '00000000-0000-7000-8000-000000000000';

insert into referral_timeline (organization_id, referral_id, occurred_at, actor_id, actor_name, source, action, changes)
select organization_id, id, updated_at, 'client:bench-partner', 'Bench Partner CRM', 'API', lower(substatus),
       jsonb_build_object('substatus', jsonb_build_object('from', 'Received', 'to', substatus))
from referral
where vendor_organization_id = '00000000-0000-7000-8000-000000000000' and substatus <> 'Received';

analyze;
