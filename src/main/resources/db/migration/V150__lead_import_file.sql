-- An upload is answered once its file is checked as a whole and stored here as it came:
-- storing its rows one by one took seconds for a large file. The import's first background
-- step reads the file into lead_import_row and removes it from here, in one transaction, so
-- an import with a row here has not had its rows stored yet.
create table lead_import_file (
    import_id uuid  primary key references lead_import (id) on delete cascade,
    content   bytea not null
);
