-- Other partners in a customer's country are looked up when an inquiry is declined or expires.
create index partner_location_country_idx on partner_location (country);
