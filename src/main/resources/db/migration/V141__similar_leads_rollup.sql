-- Recommendations weigh each partner's answers to the leads sharing a tag with a new one (issue 16).
-- Rolled up per partner and tag set over the leads created since a start that a fold moves now and
-- then, a program's history is a few rows per partner instead of a million referrals to group. A read
-- stays exact: it takes away the leads created between the start and its own period's start, and
-- recounts the partners whose referrals changed since the last fold from the referrals themselves.

-- Per partner and set of tags (a lead's industries, products and services, sorted): its leads (origin
-- Lead) created since the start, how many it accepted (at some point), declined and won. Read and
-- folded by partner (the key's first column).
create table referral_similar_leads (
    vendor_organization_id uuid    not null,
    organization_id        uuid    not null,
    tags                   text[]  not null,
    leads                  integer not null,
    accepted               integer not null,
    declined               integer not null,
    won                    integer not null,
    primary key (organization_id, tags)
);

-- Where the roll-up starts; no row until the first fold builds it (reads count the referrals then).
create table referral_similar_leads_start (
    only_row boolean     primary key default true check (only_row),
    since    timestamptz not null
);

-- Partners to recount. Written by the triggers below in the transaction of the change itself; a fold
-- deletes only the rows its snapshot sees (as referral_figures_stale).
create table referral_similar_leads_stale (
    organization_id uuid not null
);

create function referral_similar_leads_mark_stale() returns trigger language plpgsql as $$
begin
    -- a referral could change partner: an update marks the partner before and after
    if tg_op in ('UPDATE', 'DELETE') then
        insert into referral_similar_leads_stale select distinct organization_id from previous_rows;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into referral_similar_leads_stale select distinct organization_id from changed_rows;
    end if;
    return null;
end $$;

create trigger referral_similar_leads_inserted after insert on referral
    referencing new table as changed_rows for each statement execute function referral_similar_leads_mark_stale();
create trigger referral_similar_leads_updated after update on referral
    referencing old table as previous_rows new table as changed_rows
    for each statement execute function referral_similar_leads_mark_stale();
create trigger referral_similar_leads_deleted after delete on referral
    referencing old table as previous_rows for each statement execute function referral_similar_leads_mark_stale();
