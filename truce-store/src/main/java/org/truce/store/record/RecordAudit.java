package org.truce.store.record;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.truce.record.InMemorySubtreeHashes;
import org.truce.record.LeafHash;
import org.truce.record.MerkleHash;
import org.truce.record.MerkleLog;
import org.truce.record.ProofCheck;
import org.truce.record.RecordFormatException;
import org.truce.record.SignedCheckpoint;
import org.truce.record.VerifierKey;
import org.truce.store.Sha256;
import org.truce.store.access.CounterClaimRepository;
import org.truce.store.report.ReportRows;

/**
 * Checks the whole database against its record (what {@code truce verify} runs): every entry
 * against the row it records, worked out again from that row; every row the record keeps against
 * its entry (for findings and incidents, whose rows are replaced, the latest entry against the
 * rows: see {@link CurrentStateAudit}); the tree in record_nodes against the entries; every
 * checkpoint against the tree, and its signature against the verifier key when one is given. Every
 * problem is named, not only the first. Reads everything in one transaction, and holds the entries
 * in memory (a few hundred bytes each).
 */
public final class RecordAudit {

    /** At most this many node mismatches are named one by one; the rest are counted. */
    private static final int NAMED_NODE_PROBLEMS = 5;

    private static final Pattern CONTENT_SHA = Pattern.compile("\"content_sha256\":\"([0-9a-f]{64})\"");

    private final Jdbi jdbi;

    public RecordAudit(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What the audit saw and what it found wrong; {@code problems} empty means the record checks. */
    public record Result(long entries, int checkpoints, Optional<SignedCheckpoint> latest, List<RecordProblem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** {@code key}: the log's verifier key, to check checkpoint signatures; empty checks everything else. */
    public Result run(Optional<VerifierKey> key) {
        return jdbi.inTransaction(h -> run(h, key));
    }

    private Result run(Handle h, Optional<VerifierKey> key) {
        List<RecordProblem> problems = new ArrayList<>();
        long headSize = RecordLogRepository.headSize(h);
        TreeMap<Long, StoredEntry> entries = new TreeMap<>();
        h.createQuery("SELECT * FROM record_entries ORDER BY leaf_index")
                .map((rs, ctx) -> RecordLogRepository.entry(rs))
                .forEach(e -> entries.put(e.index(), e));
        Map<Long, MerkleHash> storedLeaves = new HashMap<>();
        Map<String, MerkleHash> storedNodes = new HashMap<>();
        h.createQuery("SELECT node_level, node_index, hash FROM record_nodes")
                .map((rs, ctx) -> new Object[] {rs.getInt(1), rs.getLong(2), rs.getString(3)})
                .forEach(row -> {
                    MerkleHash hash = MerkleHash.ofHex((String) row[2]);
                    storedNodes.put(row[0] + "/" + row[1], hash);
                    if ((Integer) row[0] == 0) {
                        storedLeaves.put((Long) row[1], hash);
                    }
                });

        long logSize = Math.max(headSize, entries.isEmpty() ? 0 : entries.lastKey() + 1);
        if (!entries.isEmpty() && entries.lastKey() >= headSize) {
            problems.add(new RecordProblem("entries " + headSize + ".." + entries.lastKey(),
                    "beyond the log's head (size " + headSize + "): record_head was moved back, the log truncated"));
        }
        checkEntryTexts(entries, storedLeaves, headSize, problems);
        checkRows(h, entries, problems);

        // The tree as the entries give it; where an entry row is missing, its stored leaf stands in,
        // so that one missing row does not make every later node look wrong too.
        InMemorySubtreeHashes recomputedNodes = new InMemorySubtreeHashes();
        MerkleLog recomputed = new MerkleLog(recomputedNodes);
        for (long i = 0; i < logSize; i++) {
            StoredEntry e = entries.get(i);
            MerkleHash leaf = e != null ? leafOf(e) : storedLeaves.getOrDefault(i, MerkleHash.EMPTY_TREE);
            recomputed.append(new LeafHash(leaf));
        }
        checkNodes(recomputedNodes, storedNodes, headSize, problems);
        List<SignedCheckpoint> checkpoints = checkCheckpoints(h, recomputed, headSize, key, problems);
        return new Result(headSize, checkpoints.size(),
                checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1)),
                List.copyOf(problems));
    }

    private static MerkleHash leafOf(StoredEntry e) {
        return LeafHash.ofEntry(e.entryText().getBytes(StandardCharsets.UTF_8)).value();
    }

    private static void checkEntryTexts(TreeMap<Long, StoredEntry> entries, Map<Long, MerkleHash> storedLeaves,
            long headSize, List<RecordProblem> problems) {
        List<Long> changed = new ArrayList<>();
        Long missingFrom = null;
        for (long i = 0; i <= headSize; i++) {
            boolean missing = i < headSize && !entries.containsKey(i);
            if (missing && missingFrom == null) {
                missingFrom = i;
            } else if (!missing && missingFrom != null) {
                problems.add(new RecordProblem(missingFrom == i - 1 ? "entry " + missingFrom
                        : "entries " + missingFrom + ".." + (i - 1), "row missing from record_entries (deleted)"));
                missingFrom = null;
            }
        }
        for (StoredEntry e : entries.values()) {
            MerkleHash leaf = leafOf(e);
            MerkleHash inTree = storedLeaves.get(e.index());
            if (!leaf.hex().equals(e.leafHashHex()) || (inTree != null && !inTree.equals(leaf))) {
                changed.add(e.index());
            }
        }
        for (long i : changed) {
            MerkleHash leaf = leafOf(entries.get(i));
            Optional<Long> from = changed.stream().filter(j -> j != i && leaf.equals(storedLeaves.get(j))).findFirst();
            if (from.isPresent()) {
                problems.add(new RecordProblem("entry " + i, "holds the text of entry " + from.get()
                        + " (" + entries.get(i).subject() + "): entries reordered"));
            } else {
                problems.add(new RecordProblem("entry " + i, "text changed (" + entries.get(i).subject()
                        + "): it no longer hashes to its leaf in the log"));
            }
        }
    }

    /** Each entry against its row, worked out again, and each recorded row against its entry. */
    private static void checkRows(Handle h, TreeMap<Long, StoredEntry> entries, List<RecordProblem> problems) {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> versionSha = new HashMap<>();
        h.createQuery("SELECT report_id, version, change_kind, content_json FROM report_versions "
                        + "ORDER BY report_id, version")
                .map((rs, ctx) -> new RecordedChange.ReportVersion(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        Sha256.hex(rs.getString(4))))
                .forEach(c -> {
                    put(expected, c);
                    versionSha.put(c.reportId() + "/" + c.version(), c.contentSha256());
                });
        h.createQuery("SELECT id, report_id, kind, location, location_salt, sha256, size_bytes, media_type "
                        + "FROM evidence_items ORDER BY id")
                .map((rs, ctx) -> {
                    long size = rs.getLong(7);
                    Long sizeOrNull = rs.wasNull() ? null : size;
                    return new RecordedChange.Evidence(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), sizeOrNull, rs.getString(8));
                })
                .forEach(c -> put(expected, c));
        h.createQuery("SELECT id, source_id, body FROM statements ORDER BY id")
                .map((rs, ctx) -> new RecordedChange.Statement(rs.getLong(1), rs.getString(2), Sha256.hex(rs.getString(3))))
                .forEach(c -> put(expected, c));
        h.createQuery("SELECT id, incident_id, commitment_id, party, claim_text, evidence_json FROM counter_claims"
                        + " ORDER BY id")
                .map((rs, ctx) -> CounterClaimRepository.change(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .forEach(c -> put(expected, c));

        Map<String, Long> seen = new HashMap<>();
        for (StoredEntry e : entries.values()) {
            if (e.kind().equals("basis")) {
                continue; // recorded from the service's configuration, not from a row
            }
            if (e.kind().equals("findings") || e.kind().equals("incident")) {
                continue; // replaced or moved rows: CurrentStateAudit, below
            }
            String key = e.kind() + "|" + e.subject();
            String row = expected.get(key);
            if (seen.putIfAbsent(key, e.index()) != null) {
                problems.add(new RecordProblem("entry " + e.index(), e.subject() + ": recorded twice (also entry "
                        + seen.get(key) + ")"));
            } else if (row == null) {
                problems.add(new RecordProblem("entry " + e.index(), e.subject() + ": row missing (deleted)"));
            } else if (!row.equals(e.entryText())) {
                problems.add(new RecordProblem("entry " + e.index(), e.subject() + ": the row changed since it was"
                        + " recorded (recorded " + e.entryText() + ", the row now gives " + row + ")"));
            }
        }
        expected.keySet().stream().filter(k -> !seen.containsKey(k)).forEach(k -> problems.add(
                new RecordProblem(k.substring(k.indexOf('|') + 1), "not in the record (added without an entry)")));
        CurrentStateAudit.checkFindings(h, entries, problems);
        CurrentStateAudit.checkIncidents(h, entries, problems);

        // The current report row must say what the log recorded for its current version (the
        // version row's own digest only when the log has no entry for it, which is named above).
        Map<String, String> recordedSha = new HashMap<>();
        for (StoredEntry e : entries.values()) {
            Matcher m = CONTENT_SHA.matcher(e.entryText());
            if (e.kind().equals("report_version") && m.find()) {
                recordedSha.putIfAbsent(e.subject(), m.group(1));
            }
        }
        versionSha.replaceAll((k, sha) -> recordedSha.getOrDefault(
                "report " + k.substring(0, k.indexOf('/')) + " version " + k.substring(k.indexOf('/') + 1), sha));
        Map<Long, String> current = ReportRows.recomputedContentSha256(h);
        h.createQuery("SELECT id, current_version FROM reports ORDER BY id")
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getInt(2)})
                .forEach(r -> {
                    String recorded = versionSha.get(r[0] + "/" + r[1]);
                    if (recorded == null) {
                        problems.add(new RecordProblem("report " + r[0], "its current version " + r[1]
                                + " has no stored version row"));
                    } else if (!recorded.equals(current.get(r[0]))) {
                        problems.add(new RecordProblem("report " + r[0], "content changed: the reports row no longer"
                                + " matches the recorded version " + r[1] + " (content SHA-256 " + recorded.substring(0, 12)
                                + "..., the row now gives " + current.get(r[0]).substring(0, 12) + "...)"));
                    }
                });
    }

    private static void put(Map<String, String> expected, RecordedChange c) {
        expected.put(c.kind() + "|" + c.subject(), c.entryText());
    }

    private static void checkNodes(InMemorySubtreeHashes recomputed, Map<String, MerkleHash> storedNodes, long headSize,
            List<RecordProblem> problems) {
        // Nodes that must exist for headSize leaves, compared with the tree the entries give.
        int wrong = 0;
        List<String> named = new ArrayList<>();
        long expectedCount = 0;
        for (int level = 0; (1L << level) <= headSize; level++) {
            for (long i = 0; (i + 1) << level <= headSize; i++) {
                expectedCount++;
                MerkleHash stored = storedNodes.get(level + "/" + i);
                MerkleHash want = recomputed.subtree(level, i);
                if (stored == null || !stored.equals(want)) {
                    wrong++;
                    if (named.size() < NAMED_NODE_PROBLEMS) {
                        named.add("(level " + level + ", index " + i + ")" + (stored == null ? " missing" : ""));
                    }
                }
            }
        }
        if (wrong > 0) {
            problems.add(new RecordProblem("record_nodes", wrong + " node(s) differ from the tree the entries give: "
                    + String.join(", ", named) + (wrong > named.size() ? ", ..." : "")));
        }
        if (storedNodes.size() > expectedCount) {
            problems.add(new RecordProblem("record_nodes", (storedNodes.size() - expectedCount)
                    + " node(s) beyond the log's head (size " + headSize + "): the log was truncated"));
        }
    }

    private static List<SignedCheckpoint> checkCheckpoints(Handle h, MerkleLog recomputed, long headSize,
            Optional<VerifierKey> key, List<RecordProblem> problems) {
        List<SignedCheckpoint> read = new ArrayList<>();
        SignedCheckpoint previous = null;
        long expectedSeq = 0;
        for (Object[] row : h.createQuery("SELECT seq, tree_size, root_hash, note_text FROM record_checkpoints ORDER BY seq")
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)})
                .list()) {
            long seq = (Long) row[0];
            String where = "checkpoint " + seq;
            if (seq != expectedSeq) {
                problems.add(new RecordProblem("checkpoint " + expectedSeq + (seq - 1 > expectedSeq ? ".." + (seq - 1) : ""),
                        "missing (deleted)"));
            }
            expectedSeq = seq + 1;
            SignedCheckpoint signed;
            try {
                signed = SignedCheckpoint.parse((String) row[3]);
            } catch (RecordFormatException e) {
                problems.add(new RecordProblem(where, "the note does not read: " + e.getMessage()));
                continue;
            }
            read.add(signed);
            long size = signed.checkpoint().size();
            where = where + " (size " + size + ")";
            if (size != (Long) row[1] || !signed.checkpoint().root().hex().equals(row[2])) {
                problems.add(new RecordProblem(where, "its size or root columns differ from its signed note"));
            }
            if (key.isPresent() && signed.verify(key.get()) instanceof ProofCheck.Failed f) {
                problems.add(new RecordProblem(where, f.reason() + ": checkpoint replaced"));
            }
            if (size > recomputed.size()) {
                problems.add(new RecordProblem(where, "larger than the log (" + headSize + " entries): the log was truncated"));
            } else if (!recomputed.head(size).root().equals(signed.checkpoint().root())) {
                problems.add(new RecordProblem(where, "its root is not the root of the log's first " + size
                        + " entries: the checkpoint was replaced or the log rewritten"));
            }
            if (previous != null) {
                if (size < previous.checkpoint().size()) {
                    problems.add(new RecordProblem(where, "smaller than the checkpoint before it (size "
                            + previous.checkpoint().size() + ")"));
                }
                if (signed.checkpoint().time().isBefore(previous.checkpoint().time())) {
                    problems.add(new RecordProblem(where, "dated before the checkpoint before it"));
                }
            }
            previous = signed;
        }
        return read;
    }
}
