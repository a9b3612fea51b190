-- The Referrals API's attributes that LeadRelay keeps for integrations without acting on them
-- (sales stage, referral source, tags, the sender's customer ids, ...): one JSONB value object,
-- read and written with the rest of the referral (see ReferralAttributes).
alter table referral add column attributes jsonb not null default '{}';
