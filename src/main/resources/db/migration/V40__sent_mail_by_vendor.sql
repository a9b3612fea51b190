-- The sent-mail view shows a vendor's admins the mails of their own program only, so each
-- mail records the vendor whose referral it is about.
alter table sent_mail add column vendor_organization_id uuid references organization (id);
update sent_mail m set vendor_organization_id = r.vendor_organization_id
    from referral r where r.id = m.referral_id;
alter table sent_mail alter column vendor_organization_id set not null;
create index sent_mail_vendor_sent_at_idx on sent_mail (vendor_organization_id, sent_at desc, id desc);
