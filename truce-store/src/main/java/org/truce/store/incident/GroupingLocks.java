package org.truce.store.incident;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.truce.incident.EventFamily;

/**
 * The locks that keep grouping consistent, held until the transaction ends. Two transactions
 * must not group at once when one could see an incident the other creates or changes: two
 * reports of one event would both start an incident, or two joiners would count an incident's
 * members without each other.
 *
 * <p>On PostgreSQL an intake locks only the cells its candidate query can reach (event family x
 * {@value #DAYS_PER_CELL}-day bucket of the anchor day x {@value #DEGREES_PER_CELL} degree band of
 * the anchor latitude), as transaction-scoped advisory locks taken in ascending order, so two
 * intakes cannot deadlock on them, and intakes of distant events group and commit at the same
 * time (their commits can then share one WAL flush). An intake creating an incident locks its own
 * cell, which lies in the reach of every report that could join it; a joiner locks the cell of
 * the incident's anchor, which every other joiner's reach also holds. Operations on whole
 * incidents (merge, split, verification, recompute) take one lock exclusively that intakes hold
 * shared, so they wait for the intakes in flight and the intakes wait for them.
 *
 * <p>The intake writer's batches take the whole-incident lock once, exclusively, instead
 * ({@link #forBatch}): one writer groups their intakes one after the other anyway.
 *
 * <p>On H2 every transaction locks the one row of {@code incident_grouping_lock}: its commits do
 * not wait for a disk flush, and the intake there is bound by the CPU, so a finer lock would
 * not let more work run.
 */
final class GroupingLocks {

    static final int DAYS_PER_CELL = 8;
    static final double DEGREES_PER_CELL = 0.5;

    /** The first key of the advisory locks: one value for the whole-incident lock, one for cells. */
    private static final int WHOLE_KEY = 0x54524331;
    private static final int CELL_KEY = 0x54524332;

    private GroupingLocks() {
    }

    /** The handle whose transaction took the H2 row for a whole batch of intakes on this thread ({@link #forBatch}). */
    private static final ThreadLocal<Handle> HELD_FOR_BATCH = new ThreadLocal<>();

    /** For an intake, before it reads anything it groups by: shared on PostgreSQL, the row on H2. */
    static void forIntake(Handle h) {
        if (HELD_FOR_BATCH.get() == h) {
            return;
        }
        if (isPostgres(h)) {
            h.createQuery("SELECT pg_advisory_xact_lock_shared(:k, 0)").bind("k", WHOLE_KEY)
                    .mapTo(String.class).one();
        } else {
            lockRow(h);
        }
    }

    /**
     * Runs a batch of intakes on {@code h}, each under its own savepoint, with the grouping lock
     * taken once for the whole batch, before the first savepoint (so that no intake's rollback
     * releases it), and not again by its intakes. On H2 that is the row; on PostgreSQL the
     * whole-incident lock, exclusively: the batch's intakes are grouped one after the other by
     * the one writer anyway, and their shared and cell locks were two round trips per intake
     * (about a tenth of the writer's statements, docs/performance.md). A grouping elsewhere (a
     * CSV import, a merge) waits for the batch's commit, as it would for a merge. On H2 it also
     * saves parsing a {@code FOR UPDATE} statement per intake (H2 parses each one anew).
     */
    static <T> T forBatch(Handle h, Supplier<T> work) {
        if (HELD_FOR_BATCH.get() != null) {
            throw new IllegalStateException("a batch of intakes is already being grouped on this thread");
        }
        forAll(h);
        HELD_FOR_BATCH.set(h);
        try {
            return work.get();
        } finally {
            HELD_FOR_BATCH.remove();
        }
    }

    /** For an operation on whole incidents: exclusive. */
    static void forAll(Handle h) {
        if (isPostgres(h)) {
            h.createQuery("SELECT pg_advisory_xact_lock(:k, 0)").bind("k", WHOLE_KEY).mapTo(String.class).one();
        } else {
            lockRow(h);
        }
    }

    /**
     * The cells of anchors of {@code family} on days {@code [from, to]} at latitudes
     * {@code [lat0, lat1]}, after {@link #forIntake}. Nothing more on H2.
     */
    static void forReach(Handle h, EventFamily family, LocalDate from, LocalDate to, double lat0_deg,
            double lat1_deg) {
        if (HELD_FOR_BATCH.get() == h || !isPostgres(h)) {
            return;
        }
        TreeSet<Integer> keys = new TreeSet<>();
        for (long b = dayBucket(from); b <= dayBucket(to); b++) {
            for (long band = latBand(lat0_deg); band <= latBand(lat1_deg); band++) {
                keys.add(cell(family, b, band));
            }
        }
        lockCells(h, List.copyOf(keys));
    }

    /**
     * The cell of an incident's anchor, after {@link #forIntake}: for a report already in it,
     * whose incident is recomputed. A concurrent join can move the anchor of an incident that has
     * no anchor member (after a split), so the cell is read again until it stays.
     */
    static void forIncident(Handle h, String incidentId) {
        if (HELD_FOR_BATCH.get() == h || !isPostgres(h)) {
            return;
        }
        TreeSet<Integer> held = new TreeSet<>();
        while (true) {
            Optional<Integer> cell = h.createQuery("SELECT event_family, anchor_event_date, anchor_latitude "
                            + "FROM incidents WHERE id = :id")
                    .bind("id", incidentId)
                    .map((rs, ctx) -> cell(EventFamily.valueOf(rs.getString("event_family").toUpperCase(Locale.ROOT)),
                            dayBucket(rs.getObject("anchor_event_date", LocalDate.class)),
                            latBand(rs.getDouble("anchor_latitude"))))
                    .findOne();
            if (cell.isEmpty() || !held.add(cell.get())) {
                return;
            }
            lockCells(h, List.of(cell.get()));
        }
    }

    private static void lockCells(Handle h, List<Integer> ascending) {
        // One statement for all cells; the sorted subquery makes PostgreSQL take them in ascending order.
        h.createQuery("SELECT COUNT(pg_advisory_xact_lock(:ns, k)) FROM "
                        + "(SELECT k FROM unnest(:keys) AS t(k) ORDER BY k) AS cells")
                .bind("ns", CELL_KEY)
                .bindArray("keys", Integer.class, ascending)
                .mapTo(Long.class)
                .one();
    }

    private static long dayBucket(LocalDate d) {
        return Math.floorDiv(d.toEpochDay(), DAYS_PER_CELL);
    }

    private static long latBand(double lat_deg) {
        return (long) Math.floor(Math.max(-90, Math.min(90, lat_deg)) / DEGREES_PER_CELL);
    }

    /** The family, bucket and band packed into one key; a wrap-around only makes two cells share a lock. */
    private static int cell(EventFamily family, long dayBucket, long latBand) {
        return (int) ((family.ordinal() << 28) | ((dayBucket & 0xFFFFF) << 8) | (latBand & 0xFF));
    }

    private static void lockRow(Handle h) {
        h.createQuery("SELECT id FROM incident_grouping_lock WHERE id = 1 FOR UPDATE").mapTo(Integer.class).one();
    }

    static boolean isPostgres(Handle h) {
        try {
            return h.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the store runs on", e);
        }
    }
}
