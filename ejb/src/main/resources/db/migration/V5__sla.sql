-- Service levels: policies, the due times each ticket carries, the alerts fired once, notifications.

CREATE SEQUENCE sla_policy_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE sla_alert_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE notification_seq START WITH 50 INCREMENT BY 50;

-- A policy for a priority, optionally narrowed to one channel (the narrower one wins).
-- Without time_zone the clocks run around the clock; weekly_hours is "mon=09:00-18:00;tue=...".
CREATE TABLE sla_policy (
    id                      BIGINT PRIMARY KEY,
    name                    VARCHAR(200) NOT NULL,
    priority                VARCHAR(16) NOT NULL,
    channel                 VARCHAR(16),
    first_response_minutes  INTEGER NOT NULL,
    resolution_minutes      INTEGER NOT NULL,
    warn_at_percent         INTEGER NOT NULL,
    time_zone               VARCHAR(64),
    weekly_hours            VARCHAR(1000),
    holidays                VARCHAR(4000),
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    version                 BIGINT NOT NULL
);
CREATE INDEX ix_sla_policy_priority ON sla_policy (priority, channel);

-- The due times: set when the ticket opens, recomputed on reopen and priority change.
ALTER TABLE ticket ADD COLUMN resolution_started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN first_response_warn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN first_response_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN resolution_warn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN resolution_due_at TIMESTAMP WITH TIME ZONE;
UPDATE ticket SET resolution_started_at = created_at;
-- The scan looks up open tickets whose warning time has come.
CREATE INDEX ix_ticket_first_response_warn ON ticket (first_response_warn_at);
CREATE INDEX ix_ticket_resolution_warn ON ticket (resolution_warn_at);
-- Reports count tickets by creation date.
CREATE INDEX ix_ticket_created ON ticket (created_at);

-- One row per alert fired: the unique key makes the insert the claim, so an alert fires once even
-- with several servers on one database. mail_result says what became of the notification mail.
CREATE TABLE sla_alert (
    id              BIGINT PRIMARY KEY,
    ticket_id       BIGINT NOT NULL REFERENCES ticket (id),
    clock           VARCHAR(16) NOT NULL,
    stage           VARCHAR(16) NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    fired_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    mail_result     VARCHAR(1000),
    CONSTRAINT uq_sla_alert UNIQUE (ticket_id, clock, stage, due_at)
);

CREATE TABLE notification (
    id              BIGINT PRIMARY KEY,
    agent_id        BIGINT NOT NULL REFERENCES agent (id),
    ticket_id       BIGINT REFERENCES ticket (id),
    kind            VARCHAR(32) NOT NULL,
    text            VARCHAR(1000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_notification_agent ON notification (agent_id, created_at);
