-- A lead the vendor sends is announced to the listeners (notices, mails, reminders, webhooks)
-- with others, not alone: its event waits here, written in the sending transaction, until a
-- batch of them is published as one event a moment after the commit. One row per lead.
create table referral_announcement (
    referral_id uuid        primary key,
    event       text        not null,
    held_at     timestamptz not null
);
create index referral_announcement_held_idx on referral_announcement (held_at);
