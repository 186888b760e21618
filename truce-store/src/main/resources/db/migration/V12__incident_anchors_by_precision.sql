-- Truce storage, version 12: the grouping's candidate query reads one day range per anchor time
-- precision (a day-precise anchor only within the rules' days, a month-precise one within 15 more),
-- so the anchor index leads with the precision; the index it replaces served one range as wide as
-- the coarsest precision needs. Portable SQL for H2 (MODE=PostgreSQL) and PostgreSQL 14+.
DROP INDEX incidents_anchor_ix;
CREATE INDEX incidents_anchor_precision_ix
    ON incidents (event_family, anchor_time_precision, anchor_event_date, anchor_latitude);
