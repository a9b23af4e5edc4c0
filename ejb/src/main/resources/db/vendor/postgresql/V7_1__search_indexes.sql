-- Search on PostgreSQL: accent-free, lower-case copies kept by the database (generated columns),
-- trigram indexes for "contains" (subject, customer name, email, phone digits) and a full-text
-- index over message text with Spanish and English stemming.
--
-- unaccent and pg_trgm are "trusted" extensions (PostgreSQL 13+): the database owner may create
-- them. When the role cannot, the extensions must already exist (created by a superuser, see the
-- README); without unaccent, search_fold falls back to translate(), without pg_trgm the "contains"
-- searches work but scan.
DO $do$
BEGIN
    CREATE EXTENSION IF NOT EXISTS unaccent;
EXCEPTION WHEN insufficient_privilege OR undefined_file THEN
    RAISE NOTICE 'unaccent not available: accents are folded with translate()';
END $do$;

DO $do$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN insufficient_privilege OR undefined_file THEN
    RAISE NOTICE 'pg_trgm not available: no trigram indexes';
END $do$;

-- unaccent() is only STABLE (its dictionary could change); generated columns need IMMUTABLE, so
-- this wrapper names the dictionary explicitly and promises immutability, the usual idiom.
DO $do$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
        EXECUTE format($f$
            CREATE FUNCTION search_fold(value text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $g$SELECT lower(%I.unaccent(%L::regdictionary, value))$g$
            $f$,
            (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
              WHERE e.extname = 'unaccent'),
            (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
              WHERE e.extname = 'unaccent') || '.unaccent');
    ELSE
        CREATE FUNCTION search_fold(value text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $f$SELECT lower(translate(value,
            'ÁÉÍÓÚÀÈÌÒÙÄËÏÖÜÂÊÎÔÛÑÇáéíóúàèìòùäëïöüâêîôûñç',
            'AEIOUAEIOUAEIOUAEIOUNCaeiouaeiouaeiouaeiounc'))$f$;
    END IF;
END $do$;

ALTER TABLE ticket ADD COLUMN search_subject text GENERATED ALWAYS AS (search_fold(subject)) STORED;
ALTER TABLE message ADD COLUMN search_text text GENERATED ALWAYS AS (search_fold(text_body)) STORED;
ALTER TABLE message ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (
    to_tsvector('spanish'::regconfig, coalesce(search_fold(text_body), ''))
    || to_tsvector('english'::regconfig, coalesce(search_fold(text_body), ''))) STORED;
ALTER TABLE customer ADD COLUMN search_name text GENERATED ALWAYS AS (search_fold(name)) STORED;
ALTER TABLE customer_contact ADD COLUMN search_digits text GENERATED ALWAYS AS
    (regexp_replace(contact_value, '[^0-9]', '', 'g')) STORED;

CREATE INDEX ix_message_search_tsv ON message USING gin (search_tsv);

DO $do$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX ix_ticket_search_subject ON ticket USING gin (search_subject gin_trgm_ops)';
        EXECUTE 'CREATE INDEX ix_customer_search_name ON customer USING gin (search_name gin_trgm_ops)';
        EXECUTE 'CREATE INDEX ix_contact_value_trgm ON customer_contact USING gin (contact_value gin_trgm_ops)';
        EXECUTE 'CREATE INDEX ix_contact_search_digits ON customer_contact USING gin (search_digits gin_trgm_ops)';
    END IF;
END $do$;
