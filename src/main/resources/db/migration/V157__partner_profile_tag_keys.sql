-- Published by the partner module (see partner/package-info): recommendations score in full only the
-- locations whose profile could list a lead's tag, found through this index, and read the others in
-- order of what they can score without tags (issue 16).

-- A profile's tags as recommendations compare them (RankingModel.key: stripped, lower case), each tag
-- of printable ASCII by its key, any other as '*': Java may strip or fold it differently, so it could
-- match any tag.
create function partner_tag_keys(industries text[], products text[], services text[]) returns text[]
    language sql immutable parallel safe as $$
    select coalesce(array_agg(distinct case
               when octet_length(t.tag) > char_length(t.tag) or t.tag ~ '[\x01-\x1f\x7f]' then '*'
               else translate(btrim(t.tag, ' '), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
           end), '{}')
    from unnest(industries || products || services) t(tag)
$$;

create index business_profile_tag_keys_idx on business_profile
    using gin (partner_tag_keys(industries, products, services));

create or replace view partner_business_profile_v as
    select organization_id, region, industries, products, services, customer_sizes,
           partner_tag_keys(industries, products, services) as tag_keys
    from business_profile;
