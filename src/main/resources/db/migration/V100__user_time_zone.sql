-- The time zone a user reads times in, chosen on their settings page. Null until their
-- first sign-in fills it from the browser; that first sign-in is also when their language
-- is taken from the browser (see UserAccounts.settleFirstSignIn).
alter table app_user add column time_zone varchar(64);
