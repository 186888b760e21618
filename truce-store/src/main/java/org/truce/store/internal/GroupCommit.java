package org.truce.store.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * One thread that takes the writes waiting at the same moment and hands them, as one batch, to a
 * function that writes them in one transaction and completes each one's answer. Callers wait for
 * their own answer, so a write is acknowledged only after the commit that holds it; under load,
 * one commit (one disk flush) serves many callers instead of one each. Not API.
 *
 * @param <W> one write, as handed in
 * @param <R> its answer
 */
public final class GroupCommit<W, R> implements AutoCloseable {

    /** One write and where its answer goes; the batch function must complete every answer. */
    public record Pending<W, R>(W work, CompletableFuture<R> answer) {
    }

    private final int maxPerBatch;
    private final Consumer<List<Pending<W, R>>> writeBatch;
    /** Each element is a group handed in together: never split between two batches. */
    private final BlockingQueue<List<Pending<W, R>>> queue = new LinkedBlockingQueue<>();
    /** Handed in by {@link #close}: what was queued before it is written, then the thread stops. */
    private final List<Pending<W, R>> stop = new ArrayList<>();
    private final Thread thread;
    private volatile boolean closed;

    public GroupCommit(String threadName, int maxPerBatch, Consumer<List<Pending<W, R>>> writeBatch) {
        this.maxPerBatch = maxPerBatch;
        this.writeBatch = writeBatch;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Writes {@code work} with whatever else is waiting and returns its answer once committed. */
    public R write(W work) {
        return await(writeAll(List.of(work)).get(0));
    }

    /** Hands in several writes that go into the same batch, in this order; each answer completes after the commit. */
    public List<CompletableFuture<R>> writeAll(List<W> works) {
        List<Pending<W, R>> group = new ArrayList<>();
        for (W w : works) {
            group.add(new Pending<>(w, new CompletableFuture<>()));
        }
        if (closed) {
            throw closedError();
        }
        queue.add(group);
        if (closed && !thread.isAlive() && queue.remove(group)) {
            throw closedError();
        }
        return group.stream().map(Pending::answer).toList();
    }

    /** Writes what was handed in before, then stops the thread. */
    @Override
    public void close() {
        closed = true;
        queue.add(stop);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The answer, or the write's own exception as the caller would have got it writing alone. */
    public static <R> R await(CompletableFuture<R> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static IllegalStateException closedError() {
        return new IllegalStateException("the database is closed; nothing was written");
    }

    private void run() {
        boolean stopping = false;
        while (!stopping) {
            List<Pending<W, R>> batch = new ArrayList<>();
            List<Pending<W, R>> next = take();
            do {
                if (next == stop) {
                    stopping = true;
                } else {
                    batch.addAll(next);
                }
            } while (!stopping && batch.size() < maxPerBatch && (next = queue.poll()) != null);
            if (!batch.isEmpty()) {
                write(batch);
            }
        }
        // Handed in while close() ran: refused, never left waiting.
        List<Pending<W, R>> late;
        while ((late = queue.poll()) != null) {
            late.forEach(p -> p.answer().completeExceptionally(closedError()));
        }
    }

    private void write(List<Pending<W, R>> batch) {
        try {
            writeBatch.accept(batch);
        } catch (RuntimeException | Error e) {
            // The batch function answers each write itself; this only catches its own bugs.
            batch.forEach(p -> p.answer().completeExceptionally(e));
        }
    }

    private List<Pending<W, R>> take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Only close() stops the writer, through the queue: a stray interrupt is ignored.
            }
        }
    }
}
