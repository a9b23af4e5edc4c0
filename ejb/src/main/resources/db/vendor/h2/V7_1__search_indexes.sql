-- Search on H2: lower-case, accent-free copies kept by the database as generated columns, searched
-- with LIKE. Correct, not fast: H2 is the zero-setup default, PostgreSQL the one for volume.
ALTER TABLE ticket ADD COLUMN search_subject VARCHAR(500) GENERATED ALWAYS AS
    (LOWER(TRANSLATE(subject, 'ÁÉÍÓÚÀÈÌÒÙÄËÏÖÜÂÊÎÔÛÑÇáéíóúàèìòùäëïöüâêîôûñç', 'AEIOUAEIOUAEIOUAEIOUNCaeiouaeiouaeiouaeiounc')));
ALTER TABLE message ADD COLUMN search_text CHARACTER LARGE OBJECT GENERATED ALWAYS AS
    (LOWER(TRANSLATE(text_body, 'ÁÉÍÓÚÀÈÌÒÙÄËÏÖÜÂÊÎÔÛÑÇáéíóúàèìòùäëïöüâêîôûñç', 'AEIOUAEIOUAEIOUAEIOUNCaeiouaeiouaeiouaeiounc')));
ALTER TABLE customer ADD COLUMN search_name VARCHAR(300) GENERATED ALWAYS AS
    (LOWER(TRANSLATE(name, 'ÁÉÍÓÚÀÈÌÒÙÄËÏÖÜÂÊÎÔÛÑÇáéíóúàèìòùäëïöüâêîôûñç', 'AEIOUAEIOUAEIOUAEIOUNCaeiouaeiouaeiouaeiounc')));
-- Phone numbers are E.164 (+34612345678); their digits let "612 345 678" find them.
ALTER TABLE customer_contact ADD COLUMN search_digits VARCHAR(320) GENERATED ALWAYS AS
    (REGEXP_REPLACE(contact_value, '[^0-9]', ''));
