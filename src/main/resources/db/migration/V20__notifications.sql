-- In-app notifications: at most one per user and event, so an event delivered twice (the
-- outbox delivers at least once) notifies once.
create table notification (
    id          uuid         primary key,
    user_id     uuid         not null references app_user (id) on delete cascade,
    event_id    uuid         not null,
    kind        varchar(30)  not null,
    referral_id uuid         not null,
    title       varchar(400) not null,
    created_at  timestamptz  not null,
    read_at     timestamptz,
    unique (user_id, event_id)
);
create index notification_user_created_idx on notification (user_id, created_at desc, id desc);
create index notification_user_unread_idx on notification (user_id) where read_at is null;

-- Whether a user also wants a kind of notification by email; no row means yes.
create table notification_preference (
    user_id uuid        not null references app_user (id) on delete cascade,
    kind    varchar(30) not null,
    email   boolean     not null,
    primary key (user_id, kind)
);

-- Every mail LeadRelay sent (SMTP) or, without an SMTP server, kept for the sent-mail view.
-- One row per event and recipient: the unique key is what makes a redelivered event mail once.
create table sent_mail (
    id          uuid         primary key,
    event_id    uuid         not null,
    recipient   varchar(254) not null,
    kind        varchar(30)  not null,
    locale      varchar(10)  not null,
    subject     varchar(400) not null,
    text_body   text         not null,
    html_body   text         not null,
    referral_id uuid         not null,
    transport   varchar(4)   not null check (transport in ('SMTP', 'KEPT')),
    sent_at     timestamptz  not null,
    unique (event_id, recipient)
);
create index sent_mail_sent_at_idx on sent_mail (sent_at desc, id desc);

-- Reminders before a Received referral expires, planned when it arrives and sent once by a
-- job that locks due rows with FOR UPDATE SKIP LOCKED.
create table expiry_reminder (
    referral_id     uuid        not null,
    organization_id uuid        not null references organization (id),
    lead_time       varchar(20) not null,
    due_at          timestamptz not null,
    sent_at         timestamptz,
    primary key (referral_id, lead_time)
);
create index expiry_reminder_due_idx on expiry_reminder (due_at) where sent_at is null;
