-- The marketplace benchmark's data: one vendor with a catalogue, 100,000 partners with one
-- business profile each (60 % EMEA, 25 % Americas, 15 % Asia Pacific) and one to three
-- locations in the profile's region, tags drawn with a skew (a few products, industries and
-- skills are on most profiles, a long tail on few), responsiveness scores for 70 % of the
-- partners, and 400,000 referrals of the last 120 days to compute responsiveness from. Drawn
-- with a fixed seed: every run has the same data.
select setseed(0.42);

insert into organization (id, name, kind, vendor_id, created_at)
values ('00000000-0000-7000-8000-000000000000', 'Northwind Software', 'VENDOR', null, now() - interval '400 days');

create temporary table mp_vocabulary as
select array['Northwind ERP', 'Northwind CRM', 'Northwind Analytics', 'Northwind Commerce', 'Northwind HR',
             'Northwind Payroll', 'Northwind Field Service', 'Northwind Supply Chain', 'Northwind Finance',
             'Northwind Projects', 'Northwind Marketing', 'Northwind Portal'] as products,
       array['Manufacturing', 'Retail', 'Professional services', 'Healthcare', 'Public sector', 'Financial services',
             'Construction', 'Logistics', 'Education', 'Hospitality', 'Wholesale', 'Food and beverage', 'Automotive',
             'Energy', 'Agriculture', 'Media', 'Nonprofit', 'Telecommunications', 'Real estate',
             'Pharmaceuticals'] as industries,
       array['Implementation', 'Consulting', 'Support', 'Migration', 'Training', 'Integration',
             'Custom development', 'Licensing'] as services,
       array['Power BI', 'Inventory management', 'Data migration', 'Warehouse management', 'E-invoicing',
             'Sales automation', 'Dashboards', 'Payroll', 'Azure', 'SQL Server', 'EDI', 'MRP', 'Budgeting',
             'Ecommerce', 'Field service', 'Document management', 'Workflow automation', 'SharePoint',
             'Customer portal', 'Marketing automation', 'Forecasting', 'Demand planning', 'Procurement',
             'Quality management', 'Maintenance', 'Fleet management', 'Project accounting', 'Time tracking',
             'Subscription billing', 'POS', 'Shopify', 'Magento', 'Consolidation', 'Tax compliance', 'GDPR',
             'Cybersecurity', 'Cloud hosting', 'Mobile apps', 'Recruiting', 'Learning management',
             'Loyalty programs', 'Email campaigns', 'Lead scoring', 'Vendor portal', 'Asset management',
             'Lease accounting', 'Cash management', 'Banking integration', 'Multi-currency', 'Localization',
             'Hungarian tax', 'Austrian payroll', 'German localization', 'US GAAP', 'IFRS', 'Retail analytics',
             'Clinic scheduling', 'Patient billing', 'Grants management', 'Data warehousing'] as skills,
       array['Alpine', 'Blue', 'Bright', 'Cedar', 'Clear', 'Coastal', 'Crystal', 'Danube', 'Eagle', 'Evergreen',
             'Falcon', 'First', 'Granite', 'Green', 'Harbor', 'Horizon', 'Iron', 'Keystone', 'Lake', 'Maple',
             'Meridian', 'North', 'Nova', 'Oak', 'Pacific', 'Peak', 'Pioneer', 'Prime', 'River', 'Silver',
             'Summit', 'Sun', 'Tisza', 'True', 'Union', 'Valley', 'Vertex', 'West', 'Willow', 'Zenith'] as names1,
       array['Bridge', 'Cloud', 'Data', 'Digital', 'Systems', 'Solutions', 'Works', 'Partners', 'Logic', 'Labs',
             'Point', 'Path', 'Stone', 'Line', 'Wave', 'Forge', 'Gate', 'Hub', 'Field', 'Star', 'Tech', 'Soft',
             'Matrix', 'Circle', 'Core', 'Edge', 'Flow', 'Grid', 'Sense', 'Way'] as names2,
       array['Consulting', 'Kft.', 'GmbH', 'Inc.', 'Ltd.', 'Zrt.', 'AG', 'Group', 'LLC', 's.r.o.'] as names3,
       array['1to9employees', '10to50employees', '51to250employees', '251to1000employees', '1001to5000employees',
             '5001to10000employees', '10001to20000employees', 'Morethan20000employees'] as sizes;

insert into catalogue_entry (vendor_id, kind, name)
select '00000000-0000-7000-8000-000000000000', kind, unnest(names)
from mp_vocabulary,
     lateral (values ('PRODUCT', products), ('INDUSTRY', industries), ('SERVICE', services)) entries(kind, names);

create temporary table mp_country (region text, country char(2), cities text[]);
insert into mp_country values
    ('EMEA', 'HU', array['Budapest', 'Debrecen', 'Szeged', 'Győr', 'Pécs', 'Miskolc']),
    ('EMEA', 'AT', array['Vienna', 'Graz', 'Linz', 'Salzburg', 'Innsbruck']),
    ('EMEA', 'DE', array['Berlin', 'Munich', 'Hamburg', 'Frankfurt', 'Cologne', 'Stuttgart']),
    ('EMEA', 'CZ', array['Prague', 'Brno', 'Ostrava']),
    ('EMEA', 'PL', array['Warsaw', 'Kraków', 'Wrocław', 'Gdańsk']),
    ('EMEA', 'FR', array['Paris', 'Lyon', 'Marseille', 'Toulouse']),
    ('EMEA', 'ES', array['Madrid', 'Barcelona', 'Valencia']),
    ('EMEA', 'IT', array['Milan', 'Rome', 'Turin']),
    ('EMEA', 'NL', array['Amsterdam', 'Rotterdam', 'Utrecht']),
    ('EMEA', 'GB', array['London', 'Manchester', 'Leeds', 'Glasgow']),
    ('EMEA', 'SE', array['Stockholm', 'Gothenburg']),
    ('EMEA', 'RO', array['Bucharest', 'Cluj-Napoca', 'Timișoara']),
    ('AMERICAS', 'US', array['Seattle', 'New York', 'Chicago', 'Austin', 'Denver', 'Atlanta', 'Boston']),
    ('AMERICAS', 'CA', array['Toronto', 'Vancouver', 'Montreal']),
    ('AMERICAS', 'MX', array['Mexico City', 'Monterrey']),
    ('AMERICAS', 'BR', array['São Paulo', 'Rio de Janeiro']),
    ('APAC', 'AU', array['Sydney', 'Melbourne', 'Brisbane']),
    ('APAC', 'JP', array['Tokyo', 'Osaka']),
    ('APAC', 'SG', array['Singapore']),
    ('APAC', 'IN', array['Bengaluru', 'Mumbai', 'Pune']);

-- one row per partner with the random draws its data is made of
create temporary table mp_partner as
select p,
       ('00000000-0000-7000-8101-' || lpad(to_hex(p), 12, '0'))::uuid as organization_id,
       ('00000000-0000-7000-8104-' || lpad(to_hex(p), 12, '0'))::uuid as profile_id,
       random() as r_region, random() as r_name1, random() as r_name2, random() as r_name3, random() as r_size,
       random() as r_span, random() as r_score, random() as r_history
from generate_series(1, 100000) p;

alter table mp_partner add column region text;
update mp_partner set region = case when r_region < 0.6 then 'EMEA' when r_region < 0.85 then 'AMERICAS' else 'APAC' end;

insert into organization (id, name, kind, vendor_id, created_at)
select organization_id,
       v.names1[1 + floor(40 * r_name1)::int] || ' ' || v.names2[1 + floor(30 * r_name2)::int] || ' '
           || v.names3[1 + floor(10 * r_name3)::int],
       'PARTNER', '00000000-0000-7000-8000-000000000000', now() - interval '400 days'
from mp_partner, mp_vocabulary v;

-- one to three locations in the profile's region, the first one always
insert into partner_location (organization_id, id, name, city, country, alert_emails, address_line, postal_code,
                              phone, created_at)
select m.organization_id, ('00000000-0000-7000-8102-' || lpad(to_hex(m.p * 10 + l), 12, '0'))::uuid,
       o.name || ' ' || c.city, c.city, c.country, array['leads' || l || '@partner' || m.p || '.example'],
       'Main street ' || l, '1000', '+36 1 555 0100', now() - interval '400 days'
from mp_partner m
join organization o on o.id = m.organization_id
cross join generate_series(1, 3) l
cross join lateral (
    -- the region's first countries more often, any city of the country
    select country, cities[1 + floor(cardinality(cities) * random())::int] as city
    from mp_country c
    where c.region = m.region and l > 0
    order by c.country
    offset floor((select count(*) from mp_country x where x.region = m.region) * power(random(), 1.7))::int
    limit 1) c
where l = 1 or (l = 2 and m.p % 3 = 0) or (l = 3 and m.p % 10 = 0);

insert into business_profile (organization_id, id, version, region, name, description, website, linkedin,
                              industries, products, services, solutions, customer_sizes, created_at, updated_at)
select m.organization_id, m.profile_id, 1, m.region, o.name,
       o.name || ' helps companies with Northwind products.', 'https://partner' || m.p || '.example', null,
       array(select distinct v.industries[1 + floor(20 * power(random(), 2.0))::int]
             from generate_series(1, 1 + (m.p * 7) % 4) g),
       array(select distinct v.products[1 + floor(12 * power(random(), 2.2))::int]
             from generate_series(1, 1 + (m.p * 11) % 3) g),
       array(select distinct v.services[1 + floor(8 * power(random(), 1.8))::int]
             from generate_series(1, 1 + (m.p * 13) % 3) g),
       array(select distinct v.skills[1 + floor(60 * power(random(), 2.5))::int]
             from generate_series(1, (m.p * 17) % 6) g),
       v.sizes[1 + floor(4 * m.r_size)::int:1 + floor(4 * m.r_size)::int + 1 + floor(4 * m.r_span)::int],
       now() - interval '300 days', now() - interval '300 days'
from mp_partner m
join organization o on o.id = m.organization_id
cross join mp_vocabulary v;

-- referrals of the last 120 days, more for the partners with low numbers; answered within
-- hours to days, some declined, some left to expire
create temporary table mp_referral as
select n,
       1 + floor(100000 * power(random(), 3))::int as partner,
       random() as r_stage, random() as r_hours, random() as r_age
from generate_series(1, 400000) n;

insert into referral (organization_id, id, version, vendor_organization_id, location_id, engagement_id,
                      qualification, type, substatus, customer_name, customer_address, customer_country,
                      consent_to_contact, consent_to_share, created_by, created_by_name, created_at, updated_at,
                      expires_at, accepted_at, closed_at)
select m.organization_id,
       ('00000000-0000-7000-8103-' || lpad(to_hex(r.n), 12, '0'))::uuid, 1,
       '00000000-0000-7000-8000-000000000000',
       ('00000000-0000-7000-8102-' || lpad(to_hex(m.p * 10 + 1), 12, '0'))::uuid,
       gen_random_uuid(),
       (array['Direct', 'MarketingQualified', 'SalesQualified'])[1 + r.n % 3], 'Independent', s.substatus,
       'Customer ' || r.n, '{"country": "HU"}', 'HU', true, false, 'client:bench', 'Bench', t.created,
       t.created + t.answer, t.created + interval '14 days',
       case when s.substatus in ('Accepted', 'Won', 'Lost') then t.created + t.answer end,
       case when s.substatus = 'Declined' then t.created + t.answer
            when s.substatus = 'Expired' then t.created + interval '14 days'
            when s.substatus in ('Won', 'Lost') then t.created + t.answer + interval '20 days' end
from mp_referral r
join mp_partner m on m.p = r.partner
cross join lateral (
    select case when r.r_stage < 0.10 then 'Received' when r.r_stage < 0.40 then 'Accepted'
                when r.r_stage < 0.60 then 'Won' when r.r_stage < 0.70 then 'Lost'
                when r.r_stage < 0.88 then 'Declined' else 'Expired' end as substatus) s
cross join lateral (
    select now() - r.r_age * interval '120 days' as created,
           (1 + 200 * power(r.r_hours, 3)) * interval '1 hour' as answer) t;

analyze;
