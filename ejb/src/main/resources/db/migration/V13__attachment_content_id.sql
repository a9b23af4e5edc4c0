-- A mail's inline image (Content-ID) is shown where its HTML says cid:..., from our own store.
ALTER TABLE attachment ADD COLUMN content_id VARCHAR(1000);
