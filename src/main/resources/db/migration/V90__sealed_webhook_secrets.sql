-- Webhook signing secrets are stored encrypted (platform Secrets: "lr1:<key id>:<base64>"),
-- longer than the plain secrets were. The rows stored in plain text before are encrypted
-- by LeadRelay at start (SecretsAtRest), which needs the key this migration cannot see.
alter table webhook_endpoint alter column secret type varchar(300);
alter table webhook_endpoint alter column previous_secret type varchar(300);
