-- Recommendations look up a partner's history with leads sharing a catalogue tag with a new
-- one (jsonb ?| over industries, products and services; see ReferralStatistics.similarLeads).
create index referral_requirement_tags_idx on referral using gin (
    (coalesce(requirements -> 'industries', '[]'::jsonb)
     || coalesce(requirements -> 'products', '[]'::jsonb)
     || coalesce(requirements -> 'services', '[]'::jsonb)));
