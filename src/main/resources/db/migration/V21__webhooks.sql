-- Endpoints a partner organization registered for its referrals' events. The secrets sign
-- deliveries (HMAC), so they are stored as issued; a rotated-out secret keeps signing
-- alongside the new one until previous_secret_expires_at.
create table webhook_endpoint (
    id                         uuid          primary key,
    organization_id            uuid          not null references organization (id),
    url                        varchar(2000) not null,
    events                     text[]        not null,
    secret                     varchar(100)  not null,
    previous_secret            varchar(100),
    previous_secret_expires_at timestamptz,
    created_by                 varchar(200)  not null,
    created_at                 timestamptz   not null,
    disabled_at                timestamptz,
    disabled_reason            varchar(200)
);
create index webhook_endpoint_organization_idx on webhook_endpoint (organization_id, created_at);

-- One event for one endpoint, retried until delivered or given up. message_id is the event
-- id, sent as webhook-id: the same for every retry and replay, so receivers de-duplicate.
create table webhook_delivery (
    id              uuid         primary key,
    endpoint_id     uuid         not null references webhook_endpoint (id) on delete cascade,
    message_id      uuid         not null,
    event_name      varchar(40)  not null,
    payload         text         not null,
    status          varchar(10)  not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz,
    replay_of       uuid         references webhook_delivery (id) on delete set null,
    created_at      timestamptz  not null,
    delivered_at    timestamptz
);
-- An event is scheduled once per endpoint (replays are new deliveries of the same message).
create unique index webhook_delivery_message_idx on webhook_delivery (endpoint_id, message_id)
    where replay_of is null;
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, created_at desc, id desc);

-- Append-only log of every HTTP attempt of a delivery.
create table webhook_attempt (
    delivery_id  uuid         not null references webhook_delivery (id) on delete cascade,
    attempt      integer      not null,
    attempted_at timestamptz  not null,
    status_code  integer,
    error        varchar(500),
    duration_ms  integer      not null,
    primary key (delivery_id, attempt)
);
