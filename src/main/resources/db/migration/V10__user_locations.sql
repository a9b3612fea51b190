-- The partner locations a Referrals user works for: they see and act on those locations' leads.
create table user_location (
    organization_id uuid not null,
    user_id         uuid not null references app_user (id) on delete cascade,
    location_id     uuid not null,
    primary key (user_id, location_id),
    foreign key (organization_id, location_id) references partner_location (organization_id, id)
);
create index user_location_location_idx on user_location (organization_id, location_id);

-- Vendor sellers and marketing staff list the leads they sent, newest first.
create index referral_vendor_sender_idx on referral (vendor_organization_id, created_by, created_at desc, id desc);
