-- csat (issue 19): merged and split tickets keep a link to the other one; the customer's
-- satisfaction answer is kept on the ticket (one survey per ticket), its single-use token hashed
-- in csat_survey; csat_settings holds the one row of the survey settings.
ALTER TABLE ticket ADD COLUMN merged_into_id BIGINT REFERENCES ticket (id);
ALTER TABLE ticket ADD COLUMN split_from_id BIGINT REFERENCES ticket (id);
ALTER TABLE ticket ADD COLUMN csat_sent_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN csat_answered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN csat_score INTEGER;
ALTER TABLE ticket ADD COLUMN csat_comment VARCHAR(2000);

CREATE INDEX ix_ticket_csat_sent ON ticket (csat_sent_at);

CREATE TABLE csat_survey (
    id              BIGINT PRIMARY KEY,
    ticket_id       BIGINT NOT NULL REFERENCES ticket (id),
    token_hash      VARCHAR(64) NOT NULL,
    language        VARCHAR(8) NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE,
    version         BIGINT NOT NULL,
    CONSTRAINT uq_csat_survey_ticket UNIQUE (ticket_id),
    CONSTRAINT uq_csat_survey_token UNIQUE (token_hash)
);

CREATE SEQUENCE csat_survey_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE csat_settings (
    id                  BIGINT PRIMARY KEY,
    enabled             BOOLEAN NOT NULL,
    whatsapp_template   VARCHAR(200)
);

INSERT INTO csat_settings (id, enabled, whatsapp_template) VALUES (1, FALSE, NULL);

-- A WhatsApp survey leaves as reply buttons (inside the 24-hour window) or a template with a URL
-- button (outside it): the Cloud API body of the message, without its recipient.
CREATE TABLE whatsapp_survey_send (
    message_id      BIGINT PRIMARY KEY REFERENCES message (id),
    payload_json    VARCHAR(4000) NOT NULL
);
