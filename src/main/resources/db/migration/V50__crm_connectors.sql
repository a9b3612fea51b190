-- A partner organization's connection to its CRM (one at most). The client secret is stored
-- encrypted (AES-GCM, key from leadrelay.crm.encryption-key, bound to the connection id).
-- Polling state: changes the CRM made up to polled_until (in the CRM's own time, so clocks
-- need not agree; null until a first change was read) were read; a node claims a due
-- connection with FOR UPDATE SKIP LOCKED and holds it until poll_leased_until.
create table crm_connection (
    id                uuid          primary key,
    organization_id   uuid          not null references organization (id),
    kind              varchar(20)   not null check (kind in ('DYNAMICS_365', 'SALESFORCE')),
    instance_url      varchar(2000) not null,
    token_url         varchar(2000) not null,
    client_id         varchar(200)  not null,
    client_secret     bytea         not null,
    field_mapping     jsonb         not null,
    created_by        varchar(200)  not null,
    created_at        timestamptz   not null,
    polled_until      timestamptz,
    next_poll_at      timestamptz   not null,
    poll_leased_until timestamptz,
    last_polled_at    timestamptz,
    last_poll_error   varchar(1000),
    throttled_until   timestamptz
);
create unique index crm_connection_organization_idx on crm_connection (organization_id);
create index crm_connection_poll_idx on crm_connection (next_poll_at);

-- Where a lead stands with its organization's CRM: the opportunity's id, what the CRM holds
-- (the state last pushed or read, to send only what changed and to ignore our own changes
-- when they come back), and the pending push. generation counts the changes to push, so a
-- change made during a push is pushed again; leased_until keeps a push on one node at a time.
create table crm_sync (
    organization_id uuid          not null,
    referral_id     uuid          not null,
    connection_id   uuid          not null references crm_connection (id) on delete cascade,
    crm_record_id   varchar(100),
    crm_state       jsonb,
    crm_modified_at timestamptz,
    status          varchar(10)   not null check (status in ('PENDING', 'SYNCED', 'FAILED')),
    generation      integer       not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamptz,
    leased_until    timestamptz,
    last_error      varchar(1000),
    last_error_at   timestamptz,
    synced_at       timestamptz,
    primary key (organization_id, referral_id),
    foreign key (organization_id, referral_id) references referral (organization_id, id)
);
create index crm_sync_due_idx on crm_sync (next_attempt_at) where status = 'PENDING';
create index crm_sync_connection_idx on crm_sync (connection_id);

-- What the sync did, per connection: pushes, changes from the CRM, tests; kept for
-- leadrelay.crm.log-retention.
create table crm_sync_log (
    connection_id uuid          not null references crm_connection (id) on delete cascade,
    id            bigint        generated always as identity,
    occurred_at   timestamptz   not null,
    direction     varchar(10)   not null check (direction in ('OUTBOUND', 'INBOUND', 'TEST')),
    referral_id   uuid,
    failed        boolean       not null,
    message       varchar(1000) not null,
    primary key (connection_id, id)
);
create index crm_sync_log_occurred_idx on crm_sync_log (occurred_at);
