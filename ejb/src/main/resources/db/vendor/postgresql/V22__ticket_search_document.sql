-- One search document per ticket: the full-text vectors of all its messages, concatenated.
-- A word in half the messages is then in at most every ticket once, not in every message, and
-- the search can walk the newest tickets and stop after enough matches (SearchRepository).
-- The document is kept by the database on every write of a message, so no filing path (inbound,
-- reply, note, merge, split, seed) can forget it.

CREATE AGGREGATE tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');

CREATE TABLE ticket_search (
    ticket_id bigint PRIMARY KEY REFERENCES ticket (id) ON DELETE CASCADE,
    document tsvector NOT NULL
);

INSERT INTO ticket_search (ticket_id, document)
SELECT ticket_id, tsvector_agg(search_tsv ORDER BY id) FROM message GROUP BY ticket_id;

CREATE INDEX ix_ticket_search_document ON ticket_search USING gin (document);

CREATE FUNCTION ticket_search_rebuild(target bigint) RETURNS void LANGUAGE sql AS $f$
    INSERT INTO ticket_search (ticket_id, document)
    SELECT target, coalesce((SELECT tsvector_agg(m.search_tsv ORDER BY m.id) FROM message m
                             WHERE m.ticket_id = target), ''::tsvector)
    WHERE EXISTS (SELECT 1 FROM ticket t WHERE t.id = target)
    ON CONFLICT (ticket_id) DO UPDATE SET document = EXCLUDED.document;
$f$;

CREATE FUNCTION ticket_search_on_message() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    IF TG_OP = 'INSERT' THEN
        -- The common case, one new message: append, no re-read of the ticket's other messages.
        INSERT INTO ticket_search (ticket_id, document) VALUES (NEW.ticket_id, NEW.search_tsv)
        ON CONFLICT (ticket_id) DO UPDATE SET document = ticket_search.document || EXCLUDED.document;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM ticket_search_rebuild(OLD.ticket_id);
    ELSE
        -- A message moved (merge, split) or its text changed: rebuild both documents.
        PERFORM ticket_search_rebuild(OLD.ticket_id);
        IF NEW.ticket_id IS DISTINCT FROM OLD.ticket_id THEN
            PERFORM ticket_search_rebuild(NEW.ticket_id);
        END IF;
    END IF;
    RETURN NULL;
END
$f$;

CREATE TRIGGER tr_message_ticket_search
    AFTER INSERT OR DELETE OR UPDATE OF ticket_id, text_body ON message
    FOR EACH ROW EXECUTE FUNCTION ticket_search_on_message();

-- Messages are found through their ticket's document now; the excerpt reads a ticket's own
-- messages by ticket_id. The per-message index only cost every insert.
DROP INDEX ix_message_search_tsv;
