-- The language of the page a customer wrote their inquiry on: every later mail to them
-- (a decline, an expiry) speaks it too. Null for inquiries from before, whose mails follow
-- the customer's country.
alter table marketplace_inquiry add column language varchar(10);
create index marketplace_inquiry_referral_idx on marketplace_inquiry (referral_id);
