-- Messages, their events and webhook deliveries are written hundreds of times a second under load.
-- EclipseLink takes one lock for all sequences while it fetches a new block of ids, and webhook
-- threads queued on it (profiled at 64 connections): blocks of 500 make that ten times rarer. The
-- entities' allocationSize must equal these increments. EclipseLink takes a value v as the block
-- (v - 499 .. v), so each sequence moves on by one block past every id it may have handed out.
ALTER SEQUENCE message_seq RESTART WITH (SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME = 'MESSAGE_SEQ') + 500 INCREMENT BY 500;
ALTER SEQUENCE ticket_event_seq RESTART WITH (SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME = 'TICKET_EVENT_SEQ') + 500 INCREMENT BY 500;
ALTER SEQUENCE webhook_payload_seq RESTART WITH (SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME = 'WEBHOOK_PAYLOAD_SEQ') + 500 INCREMENT BY 500;
