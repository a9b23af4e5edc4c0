-- WhatsApp as Meta runs it in 2026 (issue 16).
-- Contacts: a customer may be known by a business-scoped user id (type WHATSAPP_USER); a contact
-- seen on WhatsApp is marked, and a BSUID keeps the phone it came with, its parent and the username.
ALTER TABLE customer_contact ADD COLUMN whatsapp BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE customer_contact ADD COLUMN wa_id VARCHAR(32);
ALTER TABLE customer_contact ADD COLUMN wa_parent_user_id VARCHAR(200);
ALTER TABLE customer_contact ADD COLUMN wa_username VARCHAR(200);
UPDATE customer_contact SET whatsapp = TRUE
 WHERE type = 'PHONE' AND customer_id IN (SELECT customer_id FROM ticket WHERE channel = 'WHATSAPP');
