-- Mails about a deal vendor staff may not see (between partners, private, the partner's side of a
-- co-sell deal) are filed under no vendor, so the vendor's sent-mail page never lists them.
alter table sent_mail alter column vendor_organization_id drop not null;
