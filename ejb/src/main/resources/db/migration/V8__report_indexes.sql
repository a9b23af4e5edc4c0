-- The reports count the tickets resolved in a date range (per agent): a range scan on the
-- resolution time, as V5's ix_ticket_created gives the creation time.
CREATE INDEX ix_ticket_resolved ON ticket (resolved_at);
