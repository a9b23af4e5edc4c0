-- WhatsApp interactive messages (issue 16, after V25 was merged; same helper, same number):
-- the customer's answer to our buttons or list (button_reply / list_reply, the chosen id and
-- title) on the inbound message; a canned response may carry Meta's interactive object (reply
-- buttons or a list) to send with its text.
ALTER TABLE message ADD COLUMN interactive_type VARCHAR(16);
ALTER TABLE message ADD COLUMN interactive_id VARCHAR(256);
ALTER TABLE message ADD COLUMN interactive_title VARCHAR(100);
ALTER TABLE canned_response ADD COLUMN interactive_json TEXT;
