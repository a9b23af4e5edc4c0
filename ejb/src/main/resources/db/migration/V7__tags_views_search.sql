-- Tags on tickets and saved views of the inbox. Portable SQL; the search columns and indexes differ
-- between PostgreSQL and H2 and live in db/vendor/{h2,postgresql}/V7_1__search_indexes.sql.

CREATE SEQUENCE tag_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE saved_view_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE tag (
    id              BIGINT PRIMARY KEY,
    name            VARCHAR(60) NOT NULL,
    -- Lower-case name: "Urgente" and "urgente" are one tag.
    name_key        VARCHAR(60) NOT NULL,
    colour          VARCHAR(7)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL,
    CONSTRAINT uq_tag_name_key UNIQUE (name_key)
);

CREATE TABLE ticket_tag (
    ticket_id       BIGINT NOT NULL REFERENCES ticket (id),
    tag_id          BIGINT NOT NULL REFERENCES tag (id),
    PRIMARY KEY (ticket_id, tag_id)
);
-- Filtering by tag starts from the tag.
CREATE INDEX ix_ticket_tag_tag ON ticket_tag (tag_id, ticket_id);

-- A named filter of the inbox: personal (shared = false) or for the whole team.
CREATE TABLE saved_view (
    id              BIGINT PRIMARY KEY,
    name            VARCHAR(100) NOT NULL,
    owner_id        BIGINT NOT NULL REFERENCES agent (id),
    shared          BOOLEAN NOT NULL,
    status          VARCHAR(64),
    channel         VARCHAR(16),
    assignee        VARCHAR(200),
    priority        VARCHAR(16),
    tag             VARCHAR(60),
    text_query      VARCHAR(200),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL
);
CREATE INDEX ix_saved_view_owner ON saved_view (owner_id);
