-- oauth (issue 15): mailboxes that sign in with OAuth2 (XOAUTH2), and how each one is read.
ALTER TABLE channel ADD COLUMN imap_auth VARCHAR(16);
ALTER TABLE channel ADD COLUMN smtp_auth VARCHAR(16);
ALTER TABLE channel ADD COLUMN oauth_provider VARCHAR(16);
ALTER TABLE channel ADD COLUMN oauth_tenant VARCHAR(200);
ALTER TABLE channel ADD COLUMN oauth_client_id VARCHAR(500);
ALTER TABLE channel ADD COLUMN oauth_client_secret_enc VARCHAR(2000);
ALTER TABLE channel ADD COLUMN oauth_authorization_url VARCHAR(2000);
ALTER TABLE channel ADD COLUMN oauth_token_url VARCHAR(2000);
ALTER TABLE channel ADD COLUMN oauth_scopes VARCHAR(2000);
-- The grant: the refresh token sealed by the SecretBox, and whether it still works.
ALTER TABLE channel ADD COLUMN oauth_refresh_token_enc VARCHAR(8000);
ALTER TABLE channel ADD COLUMN oauth_status VARCHAR(20);
-- One authorization in progress per mailbox: the SHA-256 of its state, the admin who started it,
-- the PKCE verifier (sealed) and until when the callback may complete it.
ALTER TABLE channel ADD COLUMN oauth_pending_state VARCHAR(64);
ALTER TABLE channel ADD COLUMN oauth_pending_admin VARCHAR(200);
ALTER TABLE channel ADD COLUMN oauth_pending_verifier_enc VARCHAR(1000);
ALTER TABLE channel ADD COLUMN oauth_pending_until TIMESTAMP WITH TIME ZONE;
-- IDLE when the server offers it and a connection is held, else poll.
ALTER TABLE channel ADD COLUMN mail_mode VARCHAR(8);
CREATE INDEX channel_oauth_pending_state ON channel (oauth_pending_state);
