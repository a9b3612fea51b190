-- Users are found by their email address as stored, which V85 normalised (NFKC, lower case
-- letter by letter): no more lower() of the database's collation.
drop index app_user_email_idx;
create unique index app_user_email_idx on app_user (email);

-- Failed sign-ins per subject: an account ('account:' and its normalised email), a client
-- address ('address:' and the address) and an address on an account (both). Each failure is
-- counted before the password is checked; the count of earlier rules is meaningless now.
delete from sign_in_failure;
alter table sign_in_failure rename column email to subject;
alter table sign_in_failure alter column subject type text;
