-- Which events an agent wants to hear of (issue 22): in the browser per event, and by e-mail.
-- Portable between PostgreSQL and H2 (PostgreSQL mode).
ALTER TABLE agent ADD COLUMN notify_assigned BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE agent ADD COLUMN notify_customer BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE agent ADD COLUMN notify_sla BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE agent ADD COLUMN notify_email BOOLEAN DEFAULT FALSE NOT NULL;
