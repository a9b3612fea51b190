-- The weighted deal pipeline on the insights page reads the open deals (accepted, not yet won or
-- lost) of one partner or of what one vendor's staff see. Among millions of lead rows they are few;
-- these partial indexes hold exactly them, with what the pipeline sums, so it never reads a lead.
create index referral_open_deals_org_idx on referral (organization_id)
    include (currency, deal_stage, deal_value, location_id)
    where origin <> 'Lead' and substatus = 'Accepted';
create index referral_open_deals_vendor_idx on referral (vendor_organization_id)
    include (currency, deal_stage, deal_value, location_id)
    where origin <> 'Lead' and substatus = 'Accepted' and vendor_visible;
