-- Published by the identity module for other modules' queries (see identity/package-info): a
-- join is the only fast way to narrow a referral search to one user's referrals. Plain views,
-- so the planner still uses user_location's and app_user's keys.
create view identity_user_location_v as
    select organization_id, user_id, location_id from user_location;
create view identity_user_email_v as
    select id as user_id, email from app_user;
