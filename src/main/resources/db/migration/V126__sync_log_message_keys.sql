-- The sync log's own sentences are rendered in the reader's language when shown: a message
-- key with its arguments (strings, or nested {"key", "args"} objects for localized words).
-- Rows without a key (older rows) show their stored text; message keeps the English text,
-- and details that come from the CRM (its error text) stay as the CRM sent them.
alter table crm_sync_log add column message_key text;
alter table crm_sync_log add column message_args jsonb;
