package org.truce.store.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.truce.store.incident.IncidentStatements;
import org.truce.store.internal.GroupCommit;
import org.truce.store.internal.GroupCommit.Pending;
import org.truce.store.internal.HeldInserts;
import org.truce.store.internal.Sql;
import org.truce.store.record.RecordLogRepository;

/**
 * The one thread that writes assessed intakes, several to a transaction (group commit). Requests
 * queue their already-checked, already-assessed intakes; the writer takes what is waiting (up to
 * {@link #MAX_PER_TRANSACTION}), writes them one after the other, commits once, and only then
 * answers each request. Why: every intake appends to the record and groups under a lock, so
 * intakes in separate transactions queue for the record head and the grouping lock through each
 * other's commits (and, on PostgreSQL, each waits for its own WAL flush). One writer appends in
 * a strict order and flushes many intakes at once.
 *
 * <p>An intake that fails rolls the first attempt back whole; the batch is then written again
 * with a savepoint per intake, so that the failing one is rolled back to its savepoint alone and
 * answered with its own error while the others commit. If that commit fails (or the transaction
 * cannot be used any more), nothing of the batch was stored, and each intake is written again in
 * a transaction of its own, so a failure never reaches intakes it does not belong to. A request is answered only after its
 * commit: an acknowledged report is as durable as before.
 */
public final class IntakeWriter implements AutoCloseable {

    /**
     * Enough to share a commit among many requests; few enough that a batch holds the grouping
     * lock and the record head briefly (H2 gives up on a lock after 2 s, so an analyst's merge
     * waiting behind a batch must not wait that long).
     */
    static final int MAX_PER_TRANSACTION = 32;

    private final Jdbi jdbi;
    private final GroupCommit<Function<Handle, AssessedIntake>, AssessedIntake> group;
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong intakes = new AtomicLong();

    /** Starts the writer thread; one per database, closed with it. */
    public IntakeWriter(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.group = new GroupCommit<>("truce-intake-writer", MAX_PER_TRANSACTION, this::writeBatch);
    }

    /** Writes {@code work} with whatever else is waiting, and returns its result once committed. */
    AssessedIntake write(Function<Handle, AssessedIntake> work) {
        return group.write(work);
    }

    /**
     * Hands in several intakes at once: they are written in the same transaction (each under its
     * own savepoint), in this order. Each future completes after the commit, or with its own error.
     */
    List<CompletableFuture<AssessedIntake>> writeAll(List<Function<Handle, AssessedIntake>> works) {
        return group.writeAll(works);
    }

    IntakeBatches counts() {
        return new IntakeBatches(transactions.get(), intakes.get());
    }

    /** Writes what was handed in before, then stops the thread. */
    @Override
    public void close() {
        group.close();
    }

    private void writeBatch(List<Pending<Function<Handle, AssessedIntake>, AssessedIntake>> batch) {
        List<Object> outcomes;
        try {
            outcomes = writeWithoutSavepoints(batch);
        } catch (AnIntakeFailed retryCarefully) {
            outcomes = null;
        } catch (RuntimeException | Error batchFailed) {
            // Nothing of the batch was stored: each intake again, alone, gets its own answer.
            batch.forEach(this::writeAlone);
            return;
        }
        if (outcomes == null) {
            try {
                outcomes = writeUnderSavepoints(batch);
            } catch (RuntimeException | Error batchFailed) {
                batch.forEach(this::writeAlone);
                return;
            }
        }
        transactions.incrementAndGet();
        intakes.addAndGet(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Object outcome = outcomes.get(i);
            if (outcome instanceof AssessedIntake a) {
                batch.get(i).answer().complete(a);
            } else {
                batch.get(i).answer().completeExceptionally((Throwable) outcome);
            }
        }
    }

    /** Thrown out of the first attempt's transaction, which rolls it back whole, when an intake fails. */
    private static final class AnIntakeFailed extends RuntimeException {
        AnIntakeFailed(RuntimeException cause) {
            super(null, cause, false, false);
        }
    }

    /**
     * The first attempt at a batch: the intakes one after the other in one transaction, with no
     * savepoints, since almost every intake succeeds (a request that fails its checks is refused
     * before it reaches the writer), and on PostgreSQL each savepoint is a round trip and a
     * subtransaction. If any intake fails, the whole transaction is rolled back
     * ({@link AnIntakeFailed}) and the batch is written again with a savepoint per intake.
     */
    private List<Object> writeWithoutSavepoints(List<Pending<Function<Handle, AssessedIntake>, AssessedIntake>> batch) {
        return jdbi.inTransaction(h -> IncidentStatements.groupingAsOneBatch(h,
                () -> RecordLogRepository.appendingAsOneBatch(h, appends -> HeldInserts.untilEnd(h, held -> {
                    List<Object> done = new ArrayList<>();
                    for (Pending<Function<Handle, AssessedIntake>, AssessedIntake> p : batch) {
                        try {
                            done.add(p.work().apply(h));
                        } catch (RuntimeException e) {
                            throw new AnIntakeFailed(e);
                        }
                    }
                    return done;
                }))));
    }

    /** The batch again after an intake failed: each intake under its own savepoint, so only it is rolled back. */
    private List<Object> writeUnderSavepoints(List<Pending<Function<Handle, AssessedIntake>, AssessedIntake>> batch) {
        // The record entries of the whole batch are appended at its end, in the order made, and
        // the rows no intake reads back are inserted there too. The grouping lock is taken once.
        return jdbi.inTransaction(h -> IncidentStatements.groupingAsOneBatch(h,
                () -> RecordLogRepository.appendingAsOneBatch(h, appends -> HeldInserts.untilEnd(h, held -> {
                    List<Object> done = new ArrayList<>();
                    for (Pending<Function<Handle, AssessedIntake>, AssessedIntake> p : batch) {
                        done.add(writeUnderSavepoint(h, appends, held, p.work()));
                    }
                    return done;
                }))));
    }

    /**
     * The intake's result, or the exception that rolled it back to its savepoint. A unique-key
     * violation (a concurrent import inserted the same report first) is retried once, as
     * {@link Sql#inTransactionRetryingOnConflict} does for a transaction of its own.
     */
    private static Object writeUnderSavepoint(Handle h, RecordLogRepository.BatchAppends appends, HeldInserts held,
            Function<Handle, AssessedIntake> work) {
        Connection c = h.getConnection();
        for (int attempt = 0; ; attempt++) {
            Savepoint before = savepoint(c);
            int mark = appends.mark();
            int heldMark = held.mark();
            try {
                // Not released: savepoints end with the transaction, and each release is a round trip.
                return work.apply(h);
            } catch (RuntimeException e) {
                // If this rollback fails, the transaction is unusable: the batch is retried one by one.
                rollback(c, before);
                appends.dropFrom(mark);
                held.dropFrom(heldMark);
                if (attempt > 0 || !Sql.isUniqueViolation(e)) {
                    return e;
                }
            }
        }
    }

    private static Savepoint savepoint(Connection c) {
        try {
            return c.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set a savepoint for an intake", e);
        }
    }

    private static void rollback(Connection c, Savepoint s) {
        try {
            c.rollback(s);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot roll an intake back to its savepoint", e);
        }
    }

    private void writeAlone(Pending<Function<Handle, AssessedIntake>, AssessedIntake> p) {
        try {
            AssessedIntake a = Sql.inTransactionRetryingOnConflict(jdbi, h -> p.work().apply(h));
            transactions.incrementAndGet();
            intakes.incrementAndGet();
            p.answer().complete(a);
        } catch (RuntimeException | Error e) {
            p.answer().completeExceptionally(e);
        }
    }
}
