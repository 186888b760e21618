package org.truce.store.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Inserts that the intake writer's batch holds back until its intakes are written, then runs as
 * one JDBC batch per statement: rows that no intake of the same batch reads back (a report's
 * version, what it was assessed on), so that a batch of N intakes sends each such statement once
 * instead of N times. Same transaction: the rows still stand or fall with the intake that made
 * them; an intake rolled back to its savepoint drops what it held ({@link #mark}, {@link #dropFrom}).
 * Outside a batch an insert runs at once. Not API.
 */
public final class HeldInserts {

    /** The open batch on this thread, for one handle. */
    private static final ThreadLocal<HeldInserts> OPEN = new ThreadLocal<>();

    private record Row(String sql, Map<String, Object> values, String key) {
    }

    private final Handle handle;
    private final List<Row> rows = new ArrayList<>();

    private HeldInserts(Handle handle) {
        this.handle = handle;
    }

    /**
     * Runs {@code work} on {@code h}, holding back every {@link #insert} made on {@code h} until it
     * returns, then inserts them, in the order first made, one batch per statement.
     */
    public static <T> T untilEnd(Handle h, Function<HeldInserts, T> work) {
        if (OPEN.get() != null) {
            throw new IllegalStateException("inserts are already being held on this thread");
        }
        HeldInserts held = new HeldInserts(h);
        OPEN.set(held);
        T result;
        try {
            result = work.apply(held);
        } finally {
            OPEN.remove();
        }
        held.flush();
        return result;
    }

    /**
     * Inserts one row by {@code sql} with named {@code values}, now or at the end of the open
     * batch on {@code h}. {@code key} names the row for {@link #forget}.
     */
    public static void insert(Handle h, String sql, Map<String, Object> values, String key) {
        HeldInserts held = OPEN.get();
        if (held != null && held.handle == h) {
            held.rows.add(new Row(sql, values, key));
            return;
        }
        var update = h.createUpdate(sql);
        values.forEach(update::bind);
        update.execute();
    }

    /** Drops a held row named {@code key}, if any: the caller is replacing that row. */
    public static void forget(Handle h, String key) {
        HeldInserts held = OPEN.get();
        if (held != null && held.handle == h) {
            held.rows.removeIf(r -> r.key().equals(key));
        }
    }

    /** Where the next intake's rows will start. */
    public int mark() {
        return rows.size();
    }

    /** Drops the rows held since {@code mark}: their intake was rolled back. */
    public void dropFrom(int mark) {
        rows.subList(mark, rows.size()).clear();
    }

    private void flush() {
        Map<String, PreparedBatch> batches = new LinkedHashMap<>();
        for (Row r : rows) {
            PreparedBatch batch = batches.computeIfAbsent(r.sql(), handle::prepareBatch);
            r.values().forEach(batch::bind);
            batch.add();
        }
        batches.values().forEach(PreparedBatch::execute);
    }
}
