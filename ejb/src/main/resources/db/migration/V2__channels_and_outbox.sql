-- Channels (mailboxes, WhatsApp numbers) in one table, one column group per type; the outbox that
-- sends replies; a ticket remembers the channel its conversation runs through.

CREATE SEQUENCE channel_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE outbox_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE channel (
    id                      BIGINT PRIMARY KEY,
    type                    VARCHAR(16)  NOT NULL,
    name                    VARCHAR(200) NOT NULL,
    active                  BOOLEAN      NOT NULL,
    -- deleted channels keep their row (tickets refer to it) but lose their secrets
    deleted_at              TIMESTAMP WITH TIME ZONE,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    version                 BIGINT NOT NULL,
    -- health, shown to admins
    last_checked_at         TIMESTAMP WITH TIME ZONE,
    last_success_at         TIMESTAMP WITH TIME ZONE,
    last_error              VARCHAR(2000),
    last_error_at           TIMESTAMP WITH TIME ZONE,
    consecutive_failures    INTEGER NOT NULL,
    received_count          BIGINT  NOT NULL,
    -- email
    email_address           VARCHAR(320),
    poll_seconds            INTEGER,
    imap_host               VARCHAR(255),
    imap_port               INTEGER,
    imap_security           VARCHAR(16),
    imap_username           VARCHAR(320),
    imap_password_enc       VARCHAR(2000),
    imap_folder             VARCHAR(255),
    imap_processed_folder   VARCHAR(255),
    imap_uid_validity       BIGINT,
    imap_last_uid           BIGINT,
    smtp_host               VARCHAR(255),
    smtp_port               INTEGER,
    smtp_security           VARCHAR(16),
    smtp_username           VARCHAR(320),
    smtp_password_enc       VARCHAR(2000),
    -- one poll per mailbox at a time, across servers sharing the database
    poll_lock_owner         VARCHAR(100),
    poll_lock_until         TIMESTAMP WITH TIME ZONE
);

ALTER TABLE ticket ADD COLUMN channel_id BIGINT REFERENCES channel (id);
-- Who wrote an inbound message (email address, WhatsApp id): replies go back to it.
ALTER TABLE message ADD COLUMN sender_address VARCHAR(320);
-- Automatic mail (vacation replies, bounces) is kept but never answered or counted as the customer.
ALTER TABLE message ADD COLUMN automatic BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_ticket_channel ON ticket (channel_id);

-- One row per outbound message to deliver; written in the same transaction as the reply.
CREATE TABLE outbox (
    id                  BIGINT PRIMARY KEY,
    message_id          BIGINT NOT NULL REFERENCES message (id),
    channel_id          BIGINT NOT NULL REFERENCES channel (id),
    status              VARCHAR(16) NOT NULL,
    attempts            INTEGER NOT NULL,
    next_attempt_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by          VARCHAR(100),
    claimed_until       TIMESTAMP WITH TIME ZONE,
    last_error          VARCHAR(2000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at             TIMESTAMP WITH TIME ZONE,
    version             BIGINT NOT NULL,
    CONSTRAINT uq_outbox_message UNIQUE (message_id)
);
CREATE INDEX ix_outbox_due ON outbox (status, next_attempt_at);
