-- Issue 14 (helper "mail").
-- A message a machine sent (auto-reply, bounce on a thread, list or bulk mail): channel-neutral, it
-- replaces the older "automatic" column with the name the rest of the code reads.
ALTER TABLE message ADD COLUMN automated BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE message SET automated = automatic;
ALTER TABLE message DROP COLUMN automatic;

-- A mail that was read only after repairing it (broken base64, boundaries, encodings...).
ALTER TABLE message ADD COLUMN repaired BOOLEAN DEFAULT FALSE NOT NULL;

-- Bounces that match none of our replies and auto-replies that answer nothing of ours: kept on
-- the channel for admins, never as tickets and never in quarantine (which is for unreadable mail).
CREATE SEQUENCE mail_notice_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE mail_notice (
    id                  BIGINT PRIMARY KEY,
    channel_id          BIGINT NOT NULL REFERENCES channel (id),
    kind                VARCHAR(16) NOT NULL,
    sender_address      VARCHAR(500),
    subject             VARCHAR(1000),
    recipient           VARCHAR(500),
    reason              VARCHAR(2000),
    original_message_id VARCHAR(500),
    message_id          VARCHAR(500),
    raw_path            VARCHAR(1000),
    size_bytes          BIGINT NOT NULL,
    sha256              VARCHAR(64) NOT NULL,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_mail_notice UNIQUE (channel_id, sha256)
);
CREATE INDEX ix_mail_notice_channel ON mail_notice (channel_id, received_at);
