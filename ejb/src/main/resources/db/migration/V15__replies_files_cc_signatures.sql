-- What agents' replies carry (issue 17): uploaded files, CC/BCC, forwards, signatures.
-- Portable between PostgreSQL and H2 (PostgreSQL mode).

CREATE SEQUENCE upload_seq START WITH 50 INCREMENT BY 50;

-- A file an agent uploaded for a reply or note not sent yet. token is the id the API hands out
-- (random: one agent cannot guess another's); used_at is set once a message carries it; unused
-- uploads are deleted (row and file) after a day.
CREATE TABLE upload (
    id              BIGINT PRIMARY KEY,
    token           VARCHAR(64)   NOT NULL,
    owner           VARCHAR(200)  NOT NULL,
    filename        VARCHAR(500)  NOT NULL,
    content_type    VARCHAR(200)  NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    sha256          VARCHAR(64)   NOT NULL,
    storage_path    VARCHAR(1000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_upload_token UNIQUE (token)
);
CREATE INDEX ix_upload_unused ON upload (used_at, created_at);

-- Recipients beyond the customer, comma-separated: an agent's reply's CC and BCC, an inbound
-- mail's own To and Cc (so the next reply can copy them), a forward's To.
ALTER TABLE message ADD COLUMN to_addresses VARCHAR(4000);
ALTER TABLE message ADD COLUMN cc_addresses VARCHAR(4000);
ALTER TABLE message ADD COLUMN bcc_addresses VARCHAR(4000);

-- Signatures: one per mailbox, one (optional) per agent; placeholders filled when sent.
ALTER TABLE agent ADD COLUMN signature VARCHAR(4000);
ALTER TABLE channel ADD COLUMN email_signature VARCHAR(4000);

-- People on a ticket beside its customer: copied on a reply (CC) or sent a forward (THIRD_PARTY).
-- Their answers join the ticket instead of opening one for a new customer.
CREATE SEQUENCE participant_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE ticket_participant (
    id              BIGINT PRIMARY KEY,
    ticket_id       BIGINT       NOT NULL REFERENCES ticket (id),
    address         VARCHAR(320) NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_participant UNIQUE (ticket_id, address)
);
CREATE INDEX ix_participant_address ON ticket_participant (address);
