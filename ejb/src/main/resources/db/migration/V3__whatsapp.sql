-- WhatsApp Cloud API numbers: their settings in the channel table's WhatsApp column group, the raw
-- webhook payloads (stored before they are processed, so none is lost), the approved message
-- templates admins register, and which template an outbound reply used.

ALTER TABLE channel ADD COLUMN wa_phone_number_id VARCHAR(64);
ALTER TABLE channel ADD COLUMN wa_display_phone VARCHAR(32);
ALTER TABLE channel ADD COLUMN wa_access_token_enc VARCHAR(4000);
ALTER TABLE channel ADD COLUMN wa_app_secret_enc VARCHAR(2000);
ALTER TABLE channel ADD COLUMN wa_verify_token_enc VARCHAR(2000);
ALTER TABLE channel ADD COLUMN wa_api_base_url VARCHAR(500);
ALTER TABLE channel ADD COLUMN wa_api_version VARCHAR(16);
ALTER TABLE channel ADD COLUMN wa_reopen_days INTEGER;
CREATE INDEX ix_channel_wa_phone ON channel (wa_phone_number_id);

CREATE SEQUENCE webhook_payload_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE whatsapp_template_seq START WITH 50 INCREMENT BY 50;

-- Exactly the bytes Meta signed, kept until processed (and afterwards, for support).
CREATE TABLE webhook_payload (
    id                  BIGINT PRIMARY KEY,
    channel_id          BIGINT NOT NULL REFERENCES channel (id),
    body                TEXT NOT NULL,
    status              VARCHAR(16) NOT NULL,
    attempts            INTEGER NOT NULL,
    next_attempt_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error          VARCHAR(2000),
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    processed_at        TIMESTAMP WITH TIME ZONE,
    version             BIGINT NOT NULL
);
CREATE INDEX ix_webhook_payload_due ON webhook_payload (status, next_attempt_at);

CREATE TABLE whatsapp_template (
    id                  BIGINT PRIMARY KEY,
    channel_id          BIGINT NOT NULL REFERENCES channel (id),
    name                VARCHAR(512) NOT NULL,
    language            VARCHAR(16) NOT NULL,
    parameter_count     INTEGER NOT NULL,
    text_body           VARCHAR(1024) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_whatsapp_template UNIQUE (channel_id, name, language)
);

-- A reply sent as a template: the sender needs the name, language and parameters, not the text.
CREATE TABLE whatsapp_template_send (
    message_id          BIGINT PRIMARY KEY REFERENCES message (id),
    name                VARCHAR(512) NOT NULL,
    language            VARCHAR(16) NOT NULL,
    parameters_json     TEXT NOT NULL
);

-- Media that could not be fetched at once: fetched again later; meanwhile its attachment says why.
CREATE TABLE whatsapp_media_retry (
    attachment_id       BIGINT PRIMARY KEY REFERENCES attachment (id),
    channel_id          BIGINT NOT NULL REFERENCES channel (id),
    media_id            VARCHAR(200) NOT NULL,
    message_type        VARCHAR(32) NOT NULL,
    mime_type           VARCHAR(200),
    sha256              VARCHAR(100),
    filename            VARCHAR(500),
    attempts            INTEGER NOT NULL,
    next_attempt_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT NOT NULL
);
CREATE INDEX ix_whatsapp_media_retry_due ON whatsapp_media_retry (next_attempt_at);
