-- Foundation schema. Portable between PostgreSQL and H2 (run in PostgreSQL mode):
-- sequences feed the JPA ids (allocation 50, so inserts can be batched; EclipseLink reads nextval as
-- the last id of a block, hence START WITH 50) and the human ticket numbers.

CREATE SEQUENCE agent_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE customer_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE contact_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE ticket_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE message_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE attachment_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE ticket_event_seq START WITH 50 INCREMENT BY 50;
-- Ticket numbers are what customers and agents quote (#1001); one at a time, no gaps by design.
CREATE SEQUENCE ticket_number_seq START WITH 1001 INCREMENT BY 1;

CREATE TABLE agent (
    id              BIGINT PRIMARY KEY,
    username        VARCHAR(200) NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    email           VARCHAR(320),
    role            VARCHAR(16)  NOT NULL,
    availability    VARCHAR(16)  NOT NULL,
    active          BOOLEAN      NOT NULL,
    locale          VARCHAR(16),
    time_zone       VARCHAR(64),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT uq_agent_username UNIQUE (username)
);

-- Kept apart from agent so that no read of an agent ever carries its hash; the Elytron jdbc-realm reads it.
CREATE TABLE agent_credential (
    agent_id        BIGINT PRIMARY KEY REFERENCES agent (id),
    password_hash   VARCHAR(200) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE customer (
    id              BIGINT PRIMARY KEY,
    name            VARCHAR(300) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL
);

-- One row per normalised address or number: the unique key is what makes one person one customer.
CREATE TABLE customer_contact (
    id              BIGINT PRIMARY KEY,
    customer_id     BIGINT NOT NULL REFERENCES customer (id),
    type            VARCHAR(16)  NOT NULL,
    contact_value   VARCHAR(320) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_contact UNIQUE (type, contact_value)
);
CREATE INDEX ix_contact_customer ON customer_contact (customer_id);

CREATE TABLE ticket (
    id                  BIGINT PRIMARY KEY,
    number              BIGINT NOT NULL,
    subject             VARCHAR(500) NOT NULL,
    status              VARCHAR(16) NOT NULL,
    priority            VARCHAR(16) NOT NULL,
    channel             VARCHAR(16) NOT NULL,
    customer_id         BIGINT NOT NULL REFERENCES customer (id),
    assignee_id         BIGINT REFERENCES agent (id),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    first_response_at   TIMESTAMP WITH TIME ZONE,
    resolved_at         TIMESTAMP WITH TIME ZONE,
    last_inbound_at     TIMESTAMP WITH TIME ZONE,
    version             BIGINT NOT NULL,
    CONSTRAINT uq_ticket_number UNIQUE (number)
);
-- The inbox reads newest activity first, per status and per assignee.
CREATE INDEX ix_ticket_updated ON ticket (updated_at, id);
CREATE INDEX ix_ticket_status_updated ON ticket (status, updated_at);
CREATE INDEX ix_ticket_assignee_status ON ticket (assignee_id, status, updated_at);
CREATE INDEX ix_ticket_customer ON ticket (customer_id, created_at);

CREATE TABLE message (
    id                  BIGINT PRIMARY KEY,
    ticket_id           BIGINT NOT NULL REFERENCES ticket (id),
    direction           VARCHAR(16) NOT NULL,
    kind                VARCHAR(16) NOT NULL,
    channel             VARCHAR(16) NOT NULL,
    author_type         VARCHAR(16) NOT NULL,
    author_name         VARCHAR(300),
    agent_id            BIGINT REFERENCES agent (id),
    subject             VARCHAR(1000),
    text_body           TEXT,
    html_body           TEXT,
    external_id         VARCHAR(500),
    delivery_status     VARCHAR(16),
    delivery_error      VARCHAR(2000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Idempotent ingestion: a redelivered mail or webhook finds its message already here.
    CONSTRAINT uq_message_external UNIQUE (channel, external_id)
);
CREATE INDEX ix_message_ticket ON message (ticket_id, created_at);

CREATE TABLE attachment (
    id                  BIGINT PRIMARY KEY,
    message_id          BIGINT NOT NULL REFERENCES message (id),
    filename            VARCHAR(500) NOT NULL,
    content_type        VARCHAR(200) NOT NULL,
    size_bytes          BIGINT NOT NULL,
    sha256              VARCHAR(64),
    storage_path        VARCHAR(1000),
    note                VARCHAR(1000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_attachment_message ON attachment (message_id);

-- The activity log: rows are only ever inserted.
CREATE TABLE ticket_event (
    id                  BIGINT PRIMARY KEY,
    ticket_id           BIGINT NOT NULL REFERENCES ticket (id),
    type                VARCHAR(32) NOT NULL,
    actor               VARCHAR(200) NOT NULL,
    at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    before_value        VARCHAR(500),
    after_value         VARCHAR(500),
    details             VARCHAR(2000)
);
CREATE INDEX ix_event_ticket ON ticket_event (ticket_id, at);
