-- Consecutive failed sign-ins per email address (lower-cased as typed, known or not, so that the
-- lockout tells nothing about which addresses have accounts). Kept in the database so that every
-- node counts the same failures.
create table sign_in_failure (
    email          varchar(254) primary key,
    failures       integer      not null,
    last_failed_at timestamptz  not null,
    locked_until   timestamptz
);
create index sign_in_failure_last_failed_idx on sign_in_failure (last_failed_at);

-- One-time links that let an invited user set a password. Only a hash of the token is stored.
create table user_invitation (
    token_hash char(64)     primary key,
    user_id    uuid         not null references app_user (id) on delete cascade,
    invited_by varchar(200) not null,
    created_at timestamptz  not null,
    expires_at timestamptz  not null,
    used_at    timestamptz
);
create index user_invitation_user_idx on user_invitation (user_id);
