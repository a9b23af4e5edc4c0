-- Indexes for what the benchmarks at 100,000 tickets and 1,000,000 messages showed reading too
-- much (bench/, README "Benchmarks"), PostgreSQL's part: partial and trigram indexes, which H2
-- lacks. The portable part is V11.

-- The SLA scan (every 3 seconds, four queries) and the Breaching view look for clocks still running
-- whose warning time has come. V5's indexes on the warning times hold every ticket ever opened, and
-- resolved tickets keep their due times for the reports, so each scan walked nearly the whole table
-- (77,000 pages at 100,000 tickets). These hold only the running clocks, and replace them.
CREATE INDEX ix_ticket_first_response_running ON ticket (first_response_warn_at)
    WHERE first_response_at IS NULL;
CREATE INDEX ix_ticket_resolution_running ON ticket (resolution_warn_at)
    WHERE resolved_at IS NULL;
DROP INDEX ix_ticket_first_response_warn;
DROP INDEX ix_ticket_resolution_warn;

-- The inbox's text filter (saved views) matches LOWER(subject) or LOWER(customer name) anywhere in
-- the text: trigram indexes on exactly those expressions, when pg_trgm is there (see V7_1).
DO $do$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX ix_ticket_subject_lower ON ticket USING gin (lower(subject) gin_trgm_ops)';
        EXECUTE 'CREATE INDEX ix_customer_name_lower ON customer USING gin (lower(name) gin_trgm_ops)';
    END IF;
END $do$;
