-- Locks of the background jobs that run on one node at a time (ShedLock's JDBC provider,
-- see platform/jobs). Times are UTC from the database's clock.
create table job_lock (
    name varchar(64) primary key,
    lock_until timestamp not null,
    locked_at timestamp not null,
    locked_by varchar(255) not null
);
