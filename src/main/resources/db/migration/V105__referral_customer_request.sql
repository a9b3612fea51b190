-- What the customer asked for, kept as the lead came in: accepting used to overwrite it with
-- the partner's notes (issue 15). notes stays the deal's notes, as the API's details/notes.
alter table referral add column customer_request text;

-- Leads whose notes nobody changed still hold the customer's words in notes; for the others
-- the first change of details/notes on the timeline says what they were.
update referral r
   set customer_request = r.notes
 where not exists (select 1 from referral_timeline t
                    where t.organization_id = r.organization_id and t.referral_id = r.id
                      and t.changes ? 'details/notes');
update referral r
   set customer_request = (select t.changes -> 'details/notes' ->> 'from' from referral_timeline t
                            where t.organization_id = r.organization_id and t.referral_id = r.id
                              and t.changes ? 'details/notes'
                            order by t.id
                            limit 1)
 where exists (select 1 from referral_timeline t
                where t.organization_id = r.organization_id and t.referral_id = r.id
                  and t.changes ? 'details/notes');
