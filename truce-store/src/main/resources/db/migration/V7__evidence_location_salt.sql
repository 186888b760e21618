-- Issue 8: the record's evidence entries commit to an item's location by a salted SHA-256
-- instead of carrying it (the field catalog calls a location secret, and entries are public).
-- The salt stays here, never in an answer. Rows added before this migration keep no salt:
-- their entries were written with the location in clear and are checked as they were written.
ALTER TABLE evidence_items ADD COLUMN location_salt VARCHAR(32);
