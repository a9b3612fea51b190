-- Co-sell (issue 17): a referral row is a lead, a partner's own deal, or an invited organization's
-- record of another's deal, all in one engagement (engagement_id). Leads keep their behaviour.
alter table referral
    add column origin                  varchar(12) not null default 'Lead'
        check (origin in ('Lead', 'Deal', 'Invitation')),
    add column deal_type               varchar(20)
        check (deal_type in ('PartnerLed', 'CoSell', 'PartnerToPartner', 'Private')),
    add column deal_stage              varchar(12)
        check (deal_stage in ('Accepted', 'Qualified', 'Developed', 'Proposed', 'Negotiated', 'Won')),
    add column inviter_organization_id uuid,
    add column inviter_referral_id     uuid,
    -- written from Referral.visibleToVendor(): what vendor staff's scope filters on
    add column vendor_visible          boolean     not null default true,
    -- whose location the row is on: the owner's, except the vendor's record of a co-sell invitation,
    -- which sits on the inviting partner's location
    add column location_organization_id uuid,
    add constraint referral_engagement_shape check (
        (origin = 'Lead') = (deal_type is null)
        and (origin = 'Invitation') = (inviter_organization_id is not null and inviter_referral_id is not null));

update referral set location_organization_id = organization_id;
alter table referral alter column location_organization_id set not null;
-- A row written without it (bulk SQL, seeds, older writers) is on its owner's location.
create function referral_location_organization_default() returns trigger language plpgsql as $$
begin
    new.location_organization_id := coalesce(new.location_organization_id, new.organization_id);
    return new;
end;
$$;
create trigger referral_location_organization_default before insert on referral
    for each row execute function referral_location_organization_default();
alter table referral drop constraint referral_organization_id_location_id_fkey;
alter table referral add constraint referral_location_fkey
    foreign key (location_organization_id, location_id) references partner_location (organization_id, id);

-- Each side reads the stages of the other records of its engagement.
create index referral_engagement_idx on referral (engagement_id);
