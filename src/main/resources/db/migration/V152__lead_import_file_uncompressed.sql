-- An upload's file is kept only until its rows are stored: compressing it on the way in
-- (pglz, 10 MB of CSV) cost more of the upload's answer than it saves.
alter table lead_import_file alter column content set storage external;
