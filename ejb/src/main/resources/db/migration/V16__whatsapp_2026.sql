-- WhatsApp as Meta runs it in 2026 (issue 16).
-- Contacts: a customer may be known by a business-scoped user id (type WHATSAPP_USER); a contact
-- seen on WhatsApp is marked, and a BSUID keeps the phone it came with, its parent and the username.
ALTER TABLE customer_contact ADD COLUMN whatsapp BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE customer_contact ADD COLUMN wa_id VARCHAR(32);
ALTER TABLE customer_contact ADD COLUMN wa_parent_user_id VARCHAR(200);
ALTER TABLE customer_contact ADD COLUMN wa_username VARCHAR(200);
UPDATE customer_contact SET whatsapp = TRUE
 WHERE type = 'PHONE' AND customer_id IN (SELECT customer_id FROM ticket WHERE channel = 'WHATSAPP');

-- What Meta priced each of our messages at (the pricing object of its first status carrying one):
-- one row per message, so its sent and delivered statuses count once; price_month (UTC YYYY-MM)
-- lets the report group in the database on H2 and PostgreSQL alike.
CREATE TABLE whatsapp_pricing (
    message_id          BIGINT PRIMARY KEY REFERENCES message (id),
    channel_id          BIGINT,
    pricing_model       VARCHAR(32),
    category            VARCHAR(64) NOT NULL,
    pricing_type        VARCHAR(64),
    billable            BOOLEAN,
    priced_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    price_month         VARCHAR(7) NOT NULL
);
CREATE INDEX ix_whatsapp_pricing_at ON whatsapp_pricing (priced_at);
