-- The agents' inbox: canned replies and what each agent has read of each ticket.

CREATE SEQUENCE canned_response_seq START WITH 50 INCREMENT BY 50;

-- A reusable reply. owner_id NULL: shared with the whole team (admins manage it); otherwise one
-- agent's own. Shortcuts are unique per owner, so "/hola" can be both shared and someone's own.
CREATE TABLE canned_response (
    id              BIGINT PRIMARY KEY,
    name            VARCHAR(200)  NOT NULL,
    shortcut        VARCHAR(60)   NOT NULL,
    body            VARCHAR(10000) NOT NULL,
    owner_id        BIGINT REFERENCES agent (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL
);
CREATE INDEX ix_canned_response_owner ON canned_response (owner_id, shortcut);

-- The last message an agent has seen on a ticket; newer messages are "unread" in the inbox.
CREATE TABLE ticket_read (
    agent_id                BIGINT NOT NULL REFERENCES agent (id),
    ticket_id               BIGINT NOT NULL REFERENCES ticket (id),
    last_seen_message_id    BIGINT NOT NULL,
    PRIMARY KEY (agent_id, ticket_id)
);
