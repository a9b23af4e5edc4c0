-- The inbox's Breaching view (issue 6): saved views can keep the "sla=breaching" filter, and the
-- inbox's change stamp reads the newest SLA alert from an index (an alert fires when a running clock
-- reaches its warning or due time, which is when a ticket enters the view or turns overdue).
ALTER TABLE saved_view ADD COLUMN sla VARCHAR(16);
CREATE INDEX ix_sla_alert_fired ON sla_alert (fired_at);
