-- An upload now only stores its rows (after the checks of the file as a whole) and answers
-- at once; the rows are checked in the background, chunk by chunk under the same lock as the
-- import chunks, before any is imported. The import keeps the uploader's language for the
-- messages, how far the check got, and how many errors it found; the first of them are kept
-- in lead_import_error for its page. Any error and the import ends there, refused.
alter table lead_import
    add column locale       varchar(35) not null default 'en',
    add column column_count integer     not null default 0,
    add column checked_rows integer     not null default 0,
    add column error_count  integer     not null default 0,
    add column checked_at   timestamptz;

-- imports from before were checked whole on upload
update lead_import set checked_rows = total_rows, checked_at = created_at;

-- a row whose number of cells differs from the header's keeps that number, for its error;
-- a valid row keeps the lead form its check bound, so that importing it need not bind again
alter table lead_import_row
    add column cell_count integer,
    add column form       jsonb;

-- for the check that no key comes twice in a file: the first row with each key
create index lead_import_row_key_idx on lead_import_row (import_id, row_key, row_number);

create table lead_import_error (
    import_id   uuid          not null references lead_import (id) on delete cascade,
    row_number  integer       not null,
    position    integer       not null,
    column_name varchar(100)  not null,
    message     varchar(2000) not null,
    primary key (import_id, row_number, position)
);
