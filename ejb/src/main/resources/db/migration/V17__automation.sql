-- Automations (issue 18). One row of assignment settings: its row lock is the turn every server
-- takes to hand out a new ticket, so two servers never give the same slot of the round robin.
CREATE TABLE assignment_setting (
    id              BIGINT PRIMARY KEY,
    mode            VARCHAR(16) NOT NULL,
    capacity        INTEGER,
    turns           BIGINT NOT NULL
);
INSERT INTO assignment_setting (id, mode, capacity, turns) VALUES (1, 'OFF', NULL, 0);

-- The turn an agent last received a ticket at (a counter, not a clock: servers' clocks differ).
CREATE TABLE assignment_turn (
    agent_id        BIGINT PRIMARY KEY REFERENCES agent (id),
    turn            BIGINT NOT NULL
);

-- New tickets nobody could take (nobody online, everyone at capacity), shared out when someone
-- comes online.
CREATE TABLE assignment_pending (
    ticket_id       BIGINT PRIMARY KEY REFERENCES ticket (id),
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A channel's acknowledgement of each new ticket (texts take the canned-response variables).
CREATE TABLE auto_acknowledge (
    channel_id          BIGINT PRIMARY KEY REFERENCES channel (id) ON DELETE CASCADE,
    enabled             BOOLEAN NOT NULL,
    body                VARCHAR(4000) NOT NULL,
    out_of_hours_body   VARCHAR(4000)
);
