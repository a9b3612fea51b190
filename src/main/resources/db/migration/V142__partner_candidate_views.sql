-- Published by the partner module (see partner/package-info): recommendations rank every current
-- location of a program with the profile of its region in one query, and read only the few best.
create view partner_location_v as
    select organization_id, id, name, city, country from partner_location where removed_at is null;

create view partner_business_profile_v as
    select organization_id, region, industries, products, services, customer_sizes from business_profile;
