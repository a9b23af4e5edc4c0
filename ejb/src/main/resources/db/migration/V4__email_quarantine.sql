-- Mail that could not be read: raw source kept in the data dir, shown to admins, re-processable.
CREATE SEQUENCE quarantined_mail_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE quarantined_mail (
    id              BIGINT PRIMARY KEY,
    channel_id      BIGINT NOT NULL REFERENCES channel (id),
    imap_uid        BIGINT,
    reason          VARCHAR(2000) NOT NULL,
    raw_path        VARCHAR(1000) NOT NULL,
    size_bytes      BIGINT NOT NULL,
    sha256          VARCHAR(64) NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at     TIMESTAMP WITH TIME ZONE,
    resolution      VARCHAR(2000),
    CONSTRAINT uq_quarantine_mail UNIQUE (channel_id, sha256)
);
CREATE INDEX ix_quarantine_open ON quarantined_mail (channel_id, resolved_at);
