-- csat (issue 19): agents see that a survey went out, never its single-use link. The mail the
-- customer gets keeps the link in email_survey_send (as whatsapp_survey_send does for WhatsApp);
-- the message on the ticket says only "survey sent". Surveys already stored move their text here.
CREATE TABLE email_survey_send (
    message_id      BIGINT PRIMARY KEY REFERENCES message (id),
    text_body       TEXT NOT NULL
);

INSERT INTO email_survey_send (message_id, text_body)
SELECT id, text_body FROM message
WHERE author_type = 'SYSTEM' AND channel = 'EMAIL' AND text_body LIKE '%/survey/%'
  AND ticket_id IN (SELECT id FROM ticket WHERE csat_sent_at IS NOT NULL);

UPDATE message
SET text_body = 'Encuesta de satisfacción enviada · Satisfaction survey sent'
WHERE author_type = 'SYSTEM' AND text_body LIKE '%/survey/%'
  AND ticket_id IN (SELECT id FROM ticket WHERE csat_sent_at IS NOT NULL);
