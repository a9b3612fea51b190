-- Customer sizes become the Referrals API's bands (issue 12). The bands LeadRelay wrote before
-- map one to one onto the API's current ones; the API's older bands (1to50employees,
-- 51to500employees, Morethan500employees) were never written and need nothing.
create temporary table size_code (
    old_code varchar(30) primary key,
    old_name varchar(30) not null unique,
    new_code varchar(30) not null
) on commit drop;
insert into size_code (old_code, old_name, new_code) values
    ('1to9employees', 'EMPLOYEES_1_TO_9', '1to9employees'),
    ('10to49employees', 'EMPLOYEES_10_TO_49', '10to50employees'),
    ('50to249employees', 'EMPLOYEES_50_TO_249', '51to250employees'),
    ('250to999employees', 'EMPLOYEES_250_TO_999', '251to1000employees'),
    ('1000to4999employees', 'EMPLOYEES_1000_TO_4999', '1001to5000employees'),
    ('5000to9999employees', 'EMPLOYEES_5000_TO_9999', '5001to10000employees'),
    ('10000to20000employees', 'EMPLOYEES_10000_TO_20000', '10001to20000employees'),
    ('Morethan20000employees', 'MORE_THAN_20000', 'Morethan20000employees');

update referral r set customer_size = s.new_code
from size_code s
where r.customer_size = s.old_code and s.new_code <> s.old_code;

-- Business profiles' target sizes, in their order.
update business_profile p set customer_sizes = array(
    select coalesce(s.new_code, t.code)
    from unnest(p.customer_sizes) with ordinality t(code, n)
    left join size_code s on s.old_code = t.code
    order by t.n)
where p.customer_sizes && array(select old_code from size_code where new_code <> old_code)::text[];

-- Rows of unfinished CSV imports hold the cells as uploaded: the size column held the form's
-- value, the enum's name (trimmed when read), and now holds the API's code.
update lead_import_row r set cells = jsonb_set(r.cells, '{size}', to_jsonb(s.new_code))
from size_code s
where r.outcome is null and btrim(r.cells ->> 'size') = s.old_name;

-- The marketplace's filter tokens name sizes (size:10to49employees). An empty index is
-- rebuilt from the profiles at startup, with the tokens of the new bands and of the older
-- bands that overlap them (FilterTokens), so the tokens are worked out in one place.
delete from marketplace_listing;
