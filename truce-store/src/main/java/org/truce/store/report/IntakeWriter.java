package org.truce.store.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.truce.store.internal.Sql;

/**
 * The one thread that writes assessed intakes, several to a transaction (group commit). Requests
 * queue their already-checked, already-assessed intakes; the writer takes what is waiting (up to
 * {@link #MAX_PER_TRANSACTION}), writes each under its own savepoint, commits once, and only then
 * answers each request. Why: every intake appends to the record and groups under a lock, so
 * intakes in separate transactions queue for the record head and the grouping lock through each
 * other's commits (and, on PostgreSQL, each waits for its own WAL flush). One writer appends in
 * a strict order and flushes many intakes at once.
 *
 * <p>An intake that fails is rolled back to its savepoint alone and answered with its own error;
 * the others commit. If the commit itself fails (or the transaction cannot be used any more),
 * nothing of the batch was stored, and each intake is written again in a transaction of its own,
 * so a failure never reaches intakes it does not belong to. A request is answered only after its
 * commit: an acknowledged report is as durable as before.
 */
public final class IntakeWriter implements AutoCloseable {

    /** Large enough to absorb a burst, small enough that the locks a batch holds are released quickly. */
    static final int MAX_PER_TRANSACTION = 64;

    /** Handed in by {@link #close}: the writer writes what is queued before it, then stops. */
    private static final List<Pending> STOP = List.of();

    private final Jdbi jdbi;
    /** Each element is one group handed in together, written in one transaction. */
    private final BlockingQueue<List<Pending>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong intakes = new AtomicLong();
    private volatile boolean closed;

    /** One intake's work on the writer's handle, and where its answer goes. */
    record Pending(Function<Handle, AssessedIntake> work, CompletableFuture<AssessedIntake> answer) {
    }

    /** Starts the writer thread; one per database, closed with it. */
    public IntakeWriter(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.thread = new Thread(this::run, "truce-intake-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Writes {@code work} with whatever else is waiting, and returns its result once committed. */
    AssessedIntake write(Function<Handle, AssessedIntake> work) {
        return await(writeAll(List.of(work))).get(0);
    }

    /**
     * Hands in several intakes at once: they are written in the same transaction (each under its
     * own savepoint), in this order. Each future completes after the commit, or with its own error.
     */
    List<CompletableFuture<AssessedIntake>> writeAll(List<Function<Handle, AssessedIntake>> works) {
        List<Pending> group = new ArrayList<>();
        for (Function<Handle, AssessedIntake> w : works) {
            group.add(new Pending(w, new CompletableFuture<>()));
        }
        if (closed) {
            throw new IllegalStateException("the database is closed; the intake was not written");
        }
        queue.add(group);
        if (closed && !thread.isAlive() && queue.remove(group)) {
            throw new IllegalStateException("the database is closed; the intake was not written");
        }
        return group.stream().map(Pending::answer).toList();
    }

    IntakeBatches counts() {
        return new IntakeBatches(transactions.get(), intakes.get());
    }

    /** Writes what was handed in before, then stops the thread. */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static AssessedIntake await(CompletableFuture<AssessedIntake> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            // The writer's own exception, as the caller would have got it writing alone.
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static List<AssessedIntake> await(List<CompletableFuture<AssessedIntake>> answers) {
        return answers.stream().map(IntakeWriter::await).toList();
    }

    private void run() {
        boolean stopping = false;
        while (!stopping) {
            List<Pending> batch = new ArrayList<>();
            List<Pending> next = take();
            do {
                if (next == STOP) {
                    stopping = true;
                } else {
                    batch.addAll(next);
                }
            } while (batch.size() < MAX_PER_TRANSACTION && (next = queue.poll()) != null);
            if (!batch.isEmpty()) {
                writeBatch(batch);
            }
        }
        // Handed in after close() began: refused, not left waiting.
        List<Pending> late;
        while ((late = queue.poll()) != null) {
            late.forEach(p -> p.answer().completeExceptionally(
                    new IllegalStateException("the database is closed; the intake was not written")));
        }
    }

    private List<Pending> take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Only close() stops the writer, through the queue: a stray interrupt is ignored.
            }
        }
    }

    private void writeBatch(List<Pending> batch) {
        List<Object> outcomes;
        try {
            outcomes = jdbi.inTransaction(h -> {
                List<Object> done = new ArrayList<>();
                for (Pending p : batch) {
                    done.add(writeUnderSavepoint(h, p));
                }
                return done;
            });
        } catch (RuntimeException | Error batchFailed) {
            // Nothing of the batch was stored: each intake again, alone, gets its own answer.
            for (Pending p : batch) {
                writeAlone(p);
            }
            return;
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

    /**
     * The intake's result, or the exception that rolled it back to its savepoint. A unique-key
     * violation (a concurrent import inserted the same report first) is retried once, as
     * {@link Sql#inTransactionRetryingOnConflict} does for a transaction of its own.
     */
    private static Object writeUnderSavepoint(Handle h, Pending p) {
        Connection c = h.getConnection();
        for (int attempt = 0; ; attempt++) {
            Savepoint before = savepoint(c);
            try {
                AssessedIntake result = p.work().apply(h);
                release(c, before);
                return result;
            } catch (RuntimeException e) {
                // If this rollback fails, the transaction is unusable: the batch is retried one by one.
                rollback(c, before);
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
            c.releaseSavepoint(s);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot roll an intake back to its savepoint", e);
        }
    }

    private static void release(Connection c, Savepoint s) {
        try {
            c.releaseSavepoint(s);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release an intake's savepoint", e);
        }
    }

    private void writeAlone(Pending p) {
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
