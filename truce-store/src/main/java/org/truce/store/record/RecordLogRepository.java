package org.truce.store.record;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.truce.record.Checkpoint;
import org.truce.record.ConsistencyProof;
import org.truce.record.InclusionProof;
import org.truce.record.LeafHash;
import org.truce.record.MerkleLog;
import org.truce.record.RecordFormatException;
import org.truce.record.SignedCheckpoint;
import org.truce.record.SigningKey;
import org.truce.record.TreeHead;
import org.truce.store.internal.Sql;

/**
 * The tamper-evident record in the database: the Merkle log of {@code org.truce.record} over the
 * tables of migration V4. {@link #append} is called by each change's own transaction; the rest
 * reads the log, gives proofs, and makes checkpoints.
 */
public final class RecordLogRepository {

    private final Jdbi jdbi;
    private final Clock clock;

    public RecordLogRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Appends the entry for {@code change} inside the caller's transaction and returns its index.
     * The head row is locked first, so concurrent appends are numbered in commit order; a
     * transaction that rolls back takes its entry, its nodes and the head move with it.
     */
    public static long append(Handle h, RecordedChange change, Instant now) {
        Deferred held = DEFERRED.get();
        if (held != null && held.handle() == h) {
            held.changes().add(change);
            return -1;
        }
        long size = lockHead(h);
        String text = change.entryText();
        MerkleLog log = new MerkleLog(new TableSubtreeHashes(h, size));
        LeafHash leaf = LeafHash.ofEntry(text.getBytes(StandardCharsets.UTF_8));
        long index = log.append(leaf);
        h.createUpdate("INSERT INTO record_entries (leaf_index, kind, subject, entry_json, leaf_hash, recorded_at) "
                        + "VALUES (:i, :kind, :subject, :text, :leaf, :now)")
                .bind("i", index)
                .bind("kind", change.kind())
                .bind("subject", change.subject())
                .bind("text", text)
                .bind("leaf", leaf.value().hex())
                .bind("now", Sql.timestamp(now))
                .execute();
        h.createUpdate("UPDATE record_head SET tree_size = :size WHERE id = 1").bind("size", index + 1).execute();
        return index;
    }

    /** Appends held back on this thread by {@link #appendingLast}, for one handle. */
    private static final ThreadLocal<Deferred> DEFERRED = new ThreadLocal<>();

    private record Deferred(Handle handle, List<RecordedChange> changes) {
    }

    /**
     * Runs {@code work} in the caller's transaction, holding back every {@link #append} it makes on
     * {@code h} (which then returns -1), and appends them afterwards in the order made. An append
     * locks the log's head row until the commit, and every intake needs that row: this way it is
     * held for the appends and the commit only, not while the report is stored and grouped. Same
     * transaction, so the entries still stand or fall with the changes they record.
     */
    public static <T> T appendingLast(Handle h, Instant now, java.util.function.Supplier<T> work) {
        if (DEFERRED.get() != null) {
            throw new IllegalStateException("appends are already being held back on this thread");
        }
        Deferred held = new Deferred(h, new ArrayList<>());
        DEFERRED.set(held);
        T result;
        try {
            result = work.get();
        } finally {
            DEFERRED.remove();
        }
        BatchAppends batch = BATCH.get();
        if (batch != null && batch.handle == h) {
            held.changes().forEach(change -> batch.held.add(new Held(change, now)));
            return result;
        }
        for (RecordedChange change : held.changes()) {
            append(h, change, now);
        }
        return result;
    }

    /** Batches of appends on this thread, for one handle (see {@link #appendingAsOneBatch}). */
    private static final ThreadLocal<BatchAppends> BATCH = new ThreadLocal<>();

    private record Held(RecordedChange change, Instant now) {
    }

    /**
     * The appends that {@link #appendingLast} held back during {@link #appendingAsOneBatch}, in the
     * order made. The caller marks where each unit of work starts and drops what a unit that was
     * rolled back to its savepoint held.
     */
    public static final class BatchAppends {
        private final Handle handle;
        private final List<Held> held = new ArrayList<>();

        private BatchAppends(Handle handle) {
            this.handle = handle;
        }

        /** Where the next unit of work's appends will start. */
        public int mark() {
            return held.size();
        }

        /** Drops the appends held since {@code mark}: their unit of work was rolled back. */
        public void dropFrom(int mark) {
            held.subList(mark, held.size()).clear();
        }
    }

    /**
     * Runs {@code work} in the caller's transaction (the intake writer's batch), holding back every
     * append that {@link #appendingLast} makes on {@code h} until {@code work} returns, then appends
     * them all at once: the head row is locked and updated once, the new tree nodes and the entries
     * go in as two batched inserts, and a left sibling just computed is not read back from the
     * table. The entries, their indices and hashes are exactly those one {@link #append} per change
     * would give; only the number of statements differs.
     */
    public static <T> T appendingAsOneBatch(Handle h, Function<BatchAppends, T> work) {
        if (BATCH.get() != null) {
            throw new IllegalStateException("a batch of appends is already open on this thread");
        }
        BatchAppends batch = new BatchAppends(h);
        BATCH.set(batch);
        T result;
        try {
            result = work.apply(batch);
        } finally {
            BATCH.remove();
        }
        appendAll(h, batch.held);
        return result;
    }

    private static void appendAll(Handle h, List<Held> held) {
        if (held.isEmpty()) {
            return;
        }
        long size = lockHead(h);
        BufferedSubtreeHashes nodes = new BufferedSubtreeHashes(h, size);
        MerkleLog log = new MerkleLog(nodes);
        PreparedBatch entries = h.prepareBatch("INSERT INTO record_entries (leaf_index, kind, subject, entry_json, "
                + "leaf_hash, recorded_at) VALUES (:i, :kind, :subject, :text, :leaf, :now)");
        for (Held x : held) {
            String text = x.change().entryText();
            LeafHash leaf = LeafHash.ofEntry(text.getBytes(StandardCharsets.UTF_8));
            entries.bind("i", log.append(leaf))
                    .bind("kind", x.change().kind())
                    .bind("subject", x.change().subject())
                    .bind("text", text)
                    .bind("leaf", leaf.value().hex())
                    .bind("now", Sql.timestamp(x.now()))
                    .add();
        }
        nodes.flush(h);
        entries.execute();
        h.createUpdate("UPDATE record_head SET tree_size = :size WHERE id = 1").bind("size", log.size()).execute();
    }

    /** How many entries the log has. */
    public long size() {
        return jdbi.withHandle(RecordLogRepository::headSize);
    }

    public Optional<StoredEntry> entry(long index) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM record_entries WHERE leaf_index = :i")
                .bind("i", index)
                .map((rs, ctx) -> entry(rs))
                .findOne());
    }

    /** Entries {@code [from, to)} in log order, as stored (rows may be missing if the table was tampered with). */
    public List<StoredEntry> entries(long from, long to) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM record_entries WHERE leaf_index >= :from "
                        + "AND leaf_index < :to ORDER BY leaf_index")
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> entry(rs))
                .list());
    }

    /** The tree head of the first {@code size} entries, from the stored nodes. */
    public TreeHead head(long size) {
        return withLog(log -> log.head(size));
    }

    public InclusionProof inclusionProof(long index, long treeSize) {
        return withLog(log -> log.inclusionProof(index, treeSize));
    }

    public ConsistencyProof consistencyProof(long oldSize, long newSize) {
        return withLog(log -> log.consistencyProof(oldSize, newSize));
    }

    /** The log on the stored nodes, read in one handle (one consistent view on PostgreSQL and H2 alike). */
    public <R> R withLog(Function<MerkleLog, R> work) {
        return jdbi.inTransaction(h -> work.apply(new MerkleLog(new TableSubtreeHashes(h, headSize(h)))));
    }

    /** Every checkpoint, oldest first. A stored note that no longer parses is reported, not skipped. */
    public List<StoredCheckpoint> checkpoints() {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq, note_text FROM record_checkpoints ORDER BY seq")
                .map((rs, ctx) -> checkpoint(rs))
                .list().stream().map(c -> CosignatureRepository.withCosignatures(h, c)).toList());
    }

    public Optional<StoredCheckpoint> latestCheckpoint() {
        List<StoredCheckpoint> all = checkpoints();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Checkpoint {@code seq} with the guarantors' countersignatures kept for it. */
    public Optional<StoredCheckpoint> checkpoint(long seq) {
        return jdbi.withHandle(h -> checkpointRow(h, seq).map(c -> CosignatureRepository.withCosignatures(h, c)));
    }

    /** Checkpoint {@code seq} as the log signed it, without countersignatures. */
    static Optional<StoredCheckpoint> checkpointRow(Handle h, long seq) {
        return h.createQuery("SELECT seq, note_text FROM record_checkpoints WHERE seq = :seq")
                .bind("seq", seq)
                .map((rs, ctx) -> checkpoint(rs))
                .findOne();
    }

    /**
     * Signs what is due and returns the new checkpoints: the head at every multiple of
     * {@code everyEntries} not yet covered (so a checkpoint falls exactly every N entries, however
     * late this runs), and, once the UTC day has turned since the latest checkpoint, the head
     * as it stands if the log grew since. Runs under the head lock, so two callers never sign
     * the same size twice.
     */
    public List<StoredCheckpoint> checkpointIfDue(SigningKey key, long everyEntries) {
        if (everyEntries < 1) {
            throw new IllegalArgumentException("checkpoints every " + everyEntries + " entries: must be 1 or more");
        }
        return jdbi.inTransaction(h -> {
            long size = lockHead(h);
            Optional<StoredCheckpoint> latest = latest(h);
            long covered = latest.map(StoredCheckpoint::size).orElse(0L);
            long seq = latest.map(c -> c.seq() + 1).orElse(0L);
            Instant now = clock.instant();
            MerkleLog log = new MerkleLog(new TableSubtreeHashes(h, size));
            List<StoredCheckpoint> made = new ArrayList<>();
            for (long at = (covered / everyEntries + 1) * everyEntries; at <= size; at += everyEntries) {
                made.add(insert(h, seq++, key.sign(Checkpoint.of(key.verifierKey().name(), log.head(at), now))));
                covered = at;
            }
            boolean dayTurned = latest.isEmpty() || latest.get().signed().checkpoint().time().atOffset(ZoneOffset.UTC)
                    .toLocalDate().isBefore(now.atOffset(ZoneOffset.UTC).toLocalDate());
            if (dayTurned && made.isEmpty() && size > covered) {
                made.add(insert(h, seq, key.sign(Checkpoint.of(key.verifierKey().name(), log.head(size), now))));
            }
            return made;
        });
    }

    /** Signs the head as it stands unless the latest checkpoint already has this size (then returns that one). */
    public StoredCheckpoint checkpointNow(SigningKey key) {
        return jdbi.inTransaction(h -> {
            long size = lockHead(h);
            Optional<StoredCheckpoint> latest = latest(h);
            if (latest.isPresent() && latest.get().size() == size) {
                return latest.get();
            }
            MerkleLog log = new MerkleLog(new TableSubtreeHashes(h, size));
            return insert(h, latest.map(c -> c.seq() + 1).orElse(0L),
                    key.sign(Checkpoint.of(key.verifierKey().name(), log.head(size), clock.instant())));
        });
    }

    /**
     * Appends a basis entry unless the latest basis entry already says the same: restarting on the
     * same agreement and reference data adds nothing. Returns whether an entry was appended.
     */
    public boolean recordBasis(RecordedChange.Basis basis) {
        return jdbi.inTransaction(h -> {
            lockHead(h);
            Optional<String> last = h.createQuery("SELECT entry_json FROM record_entries WHERE kind = 'basis' "
                            + "ORDER BY leaf_index DESC LIMIT 1")
                    .mapTo(String.class)
                    .findOne();
            if (last.isPresent() && last.get().equals(basis.entryText())) {
                return false;
            }
            append(h, basis, Sql.storable(clock.instant()));
            return true;
        });
    }

    private static StoredCheckpoint insert(Handle h, long seq, SignedCheckpoint signed) {
        h.createUpdate("INSERT INTO record_checkpoints (seq, tree_size, root_hash, signed_at, note_text) "
                        + "VALUES (:seq, :size, :root, :at, :note)")
                .bind("seq", seq)
                .bind("size", signed.checkpoint().size())
                .bind("root", signed.checkpoint().root().hex())
                .bind("at", Sql.timestamp(signed.checkpoint().time()))
                .bind("note", signed.text())
                .execute();
        return new StoredCheckpoint(seq, signed);
    }

    private static Optional<StoredCheckpoint> latest(Handle h) {
        return h.createQuery("SELECT seq, note_text FROM record_checkpoints ORDER BY seq DESC LIMIT 1")
                .map((rs, ctx) -> checkpoint(rs))
                .findOne();
    }

    static long lockHead(Handle h) {
        return h.createQuery("SELECT tree_size FROM record_head WHERE id = 1 FOR UPDATE").mapTo(Long.class).one();
    }

    static long headSize(Handle h) {
        return h.createQuery("SELECT tree_size FROM record_head WHERE id = 1").mapTo(Long.class).one();
    }

    static StoredEntry entry(ResultSet rs) throws SQLException {
        return new StoredEntry(rs.getLong("leaf_index"), rs.getString("kind"), rs.getString("subject"),
                rs.getString("entry_json"), rs.getString("leaf_hash"), Sql.instant(rs, "recorded_at"));
    }

    private static StoredCheckpoint checkpoint(ResultSet rs) throws SQLException {
        long seq = rs.getLong("seq");
        try {
            return new StoredCheckpoint(seq, SignedCheckpoint.parse(rs.getString("note_text")));
        } catch (RecordFormatException e) {
            throw new IllegalStateException("checkpoint " + seq + " in the database does not read: " + e.getMessage(), e);
        }
    }
}
