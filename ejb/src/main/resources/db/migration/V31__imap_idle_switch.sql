-- idle (issue 15): a mailbox may be left to polling alone (imap "idle": false), so that polling can
-- be measured beside IDLE and a server whose IDLE misbehaves can be read without it. Null: IDLE on.
ALTER TABLE channel ADD COLUMN imap_idle BOOLEAN;
