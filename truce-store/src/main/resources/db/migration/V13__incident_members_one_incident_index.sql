-- Truce storage, version 13: incident_members had two indexes on incident_id on H2, its own
-- incident_members_incident_ix and the one H2 creates for a foreign key that no index matched when
-- the table was made (V2 created the plain index after the table); every intake wrote both. H2
-- reuses an index whose columns are exactly the key's, so adding the key again after the plain
-- index drops the duplicate. On PostgreSQL, which makes no index for a foreign key, this only
-- re-checks the key. Portable SQL for H2 (MODE=PostgreSQL) and PostgreSQL 14+.
ALTER TABLE incident_members DROP CONSTRAINT incident_members_incident_fk;
ALTER TABLE incident_members ADD CONSTRAINT incident_members_incident_fk
    FOREIGN KEY (incident_id) REFERENCES incidents (id);
