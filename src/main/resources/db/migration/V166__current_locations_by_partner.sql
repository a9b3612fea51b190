-- The recommendations' candidate pages read the current locations (partner_location_v) of a few
-- hundred partners per request, each location on a heap page of its own: eight pages per partner.
-- With their columns in a partial index of the current ones, a partner's locations are one leaf
-- page (an index-only scan; partner locations rarely change, so their pages stay all-visible): a
-- page of 256 partners read 1,761 buffers instead of 3,305, in 3.3 ms instead of 4.8.
create index partner_location_current_idx on partner_location (organization_id) include (id, name, city, country)
    where removed_at is null;
