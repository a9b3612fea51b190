-- A customer who sent an inquiry was stored as "Name (customer)", English in every
-- language. The name is now stored alone and pages and mails add the label in the
-- reader's language; this drops the old label from the inquiries before. (Their timeline
-- is append-only: the lead page drops the label from those entries when it reads them.)
update referral set created_by_name = left(created_by_name, length(created_by_name) - length(' (customer)'))
where created_by = 'customer' and created_by_name like '% (customer)';
