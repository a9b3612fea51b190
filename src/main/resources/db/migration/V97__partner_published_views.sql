-- Published by the partner module for other modules' queries (see partner/package-info): the
-- insights group and name referrals by partner and program in one query.
create view partner_organization_v as
    select id, name, kind, vendor_id from organization;
