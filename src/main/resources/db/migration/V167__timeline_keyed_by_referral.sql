-- A referral's timeline is read by its referral, in order (the timeline, the last actor), and
-- never by an entry's id alone; yet every entry went into two indexes: the primary key on
-- (organization_id, id) and the index by referral. The key is now the index by referral: one
-- index write less per change of a referral (an expiry sweep writes 200,000 entries). The entries'
-- ids stay unique, an identity's.
create unique index referral_timeline_by_referral on referral_timeline (organization_id, referral_id, id);
alter table referral_timeline drop constraint referral_timeline_pkey;
drop index referral_timeline_referral_idx;
alter table referral_timeline add constraint referral_timeline_pkey primary key using index referral_timeline_by_referral;
