-- The recommendations read the history of a few hundred partners per request: each partner's rows of
-- the roll-up, scattered over the table by its folds, cost a page each. With the counts in the
-- primary key's leaf pages, where a partner's rows lie together, the read need not visit the table
-- (an index-only scan: 2,469 pages instead of 6,152 for 591 partners) ...
alter table referral_similar_leads
    drop constraint referral_similar_leads_pkey,
    add primary key (organization_id, tags) include (vendor_organization_id, leads, accepted, declined, won);

-- ... as long as the pages a fold or a rebuild changed are vacuumed soon: by default autovacuum
-- waits for a fifth of the table (55,000 rows of the bench's) to change, while each index entry of a
-- changed page costs a visit to the table.
alter table referral_similar_leads set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000);
