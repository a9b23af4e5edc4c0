-- WhatsApp, round 3 of issue 16: templates read from the account, read receipts and typing.
-- A number's WhatsApp Business Account (its templates live there; template webhooks name it in
-- entry[].id) and the switches for marking messages read and showing the typing indicator
-- (NULL: on, the default).
ALTER TABLE channel ADD COLUMN wa_waba_id VARCHAR(64);
ALTER TABLE channel ADD COLUMN wa_mark_read BOOLEAN;
ALTER TABLE channel ADD COLUMN wa_typing_indicator BOOLEAN;
CREATE INDEX ix_channel_wa_waba ON channel (wa_waba_id);

-- A template as the account has it: Meta's id, review status, category and components (Meta's
-- JSON as read). Templates typed in by hand before keep status APPROVED and no components.
ALTER TABLE whatsapp_template ADD COLUMN status VARCHAR(32) DEFAULT 'APPROVED' NOT NULL;
ALTER TABLE whatsapp_template ADD COLUMN category VARCHAR(32);
ALTER TABLE whatsapp_template ADD COLUMN meta_id VARCHAR(64);
ALTER TABLE whatsapp_template ADD COLUMN components_json TEXT;
ALTER TABLE whatsapp_template ADD COLUMN synced_at TIMESTAMP WITH TIME ZONE;

-- The send call's components in Meta's shape (header media, body, buttons), when the reply was
-- written from a synced template; NULL keeps the body-parameters-only send.
ALTER TABLE whatsapp_template_send ADD COLUMN components_json TEXT;

-- The daily sync runs once a day across servers: the first to insert (channel, day) runs it.
CREATE TABLE whatsapp_template_sync_run (
    channel_id          BIGINT NOT NULL REFERENCES channel (id),
    run_day             VARCHAR(10) NOT NULL,
    claimed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    result              VARCHAR(1000),
    CONSTRAINT pk_whatsapp_template_sync_run PRIMARY KEY (channel_id, run_day)
);
