-- The reports read tickets by the day they were created and by the day they were resolved: range
-- scans on these columns instead of reading the whole table.
CREATE INDEX ix_ticket_created ON ticket (created_at);
CREATE INDEX ix_ticket_resolved ON ticket (resolved_at);
