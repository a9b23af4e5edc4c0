-- Indexes for what the benchmarks at 100,000 tickets and 1,000,000 messages showed reading too
-- much (bench/, README "Benchmarks"); PostgreSQL's own part is vendor/postgresql/V11_1.

-- The inbox counts its views by status and lists them newest first with the id as tie-break: with
-- the id in the index, a count is an index-only scan (counting the 94,000 resolved tickets read the
-- whole table, 39 ms; now 18 ms) and a single-status page reads its 25 entries in order.
CREATE INDEX ix_ticket_status_updated_id ON ticket (status, updated_at, id);
DROP INDEX ix_ticket_status_updated;
