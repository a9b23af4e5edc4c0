-- Messages, their events and webhook deliveries are written hundreds of times a second under load.
-- EclipseLink takes one lock for all sequences while it fetches a new block of ids, and webhook
-- threads queued on it (profiled at 64 connections): blocks of 500 make that ten times rarer. The
-- entities' allocationSize must equal these increments. EclipseLink takes a value v as the block
-- (v - 499 .. v), so each sequence moves on by one block past every id it may have handed out.
ALTER SEQUENCE message_seq INCREMENT BY 500;
SELECT setval('message_seq', (SELECT last_value FROM message_seq) + 500, false);
ALTER SEQUENCE ticket_event_seq INCREMENT BY 500;
SELECT setval('ticket_event_seq', (SELECT last_value FROM ticket_event_seq) + 500, false);
ALTER SEQUENCE webhook_payload_seq INCREMENT BY 500;
SELECT setval('webhook_payload_seq', (SELECT last_value FROM webhook_payload_seq) + 500, false);
