package org.truce.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.truce.record.ConsistencyProof;
import org.truce.record.InclusionProof;
import org.truce.record.MerkleHash;
import org.truce.record.SignedCheckpoint;
import org.truce.store.Database;
import org.truce.store.record.StoredCheckpoint;
import org.truce.store.record.StoredEntry;

/**
 * {@code /record}: the tamper-evident record (docs/integrity.md). Proofs are given against the
 * latest signed checkpoint, the tree head a party can check the signature of; entries appended
 * since are listed by the log but proven only once a checkpoint covers them. Hashes are base64,
 * as in the checkpoint text and the bundle file.
 */
final class RecordResource {

    private final Database database;

    RecordResource(Database database) {
        this.database = database;
    }

    void register(RoutesConfig routes) {
        routes.get(TruceServer.API + "/record/checkpoints/latest", this::latestCheckpoint);
        routes.get(TruceServer.API + "/record/entries/{index}", this::entry);
        routes.get(TruceServer.API + "/record/consistency", this::consistency);
    }

    private void latestCheckpoint(Context ctx) {
        QueryParams.of(ctx, Set.of());
        Json.send(ctx, 200, view(latest(), database.record().size()));
    }

    /** A checkpoint as the API shows it (schema RecordCheckpoint), with every signature it has. */
    static Map<String, Object> view(StoredCheckpoint checkpoint, long logSize) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("seq", checkpoint.seq());
        view.put("tree_size", checkpoint.size());
        view.put("root_hash", checkpoint.signed().checkpoint().root().base64());
        view.put("time", checkpoint.signed().checkpoint().time().toString());
        view.put("checkpoint", checkpoint.signed().text());
        view.put("log_size", logSize);
        return view;
    }

    private void entry(Context ctx) {
        QueryParams.of(ctx, Set.of());
        long index = whole(ctx.pathParam("index"), "index");
        SignedCheckpoint latest = latest().signed();
        long size = latest.checkpoint().size();
        StoredEntry entry = database.record().entry(index)
                .orElseThrow(() -> ApiException.notFound("the record has no entry " + index));
        if (index >= size) {
            throw ApiException.notFound("entry " + index + " is not covered by a checkpoint yet (latest: size "
                    + size + "); ask again after the next checkpoint");
        }
        InclusionProof proof = database.record().inclusionProof(index, size);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("index", index);
        view.put("kind", entry.kind());
        view.put("entry", entry.entryText());
        view.put("tree_size", size);
        view.put("inclusion_path", base64(proof.path()));
        view.put("checkpoint", latest.text());
        Json.send(ctx, 200, view);
    }

    private void consistency(Context ctx) {
        QueryParams q = QueryParams.of(ctx, Set.of("from", "to"));
        long from = required(q, "from");
        long to = required(q, "to");
        long size = database.record().size();
        if (from > to) {
            throw ApiException.badRequest("from", "from (" + from + ") must not be larger than to (" + to + ")");
        }
        if (to > size) {
            throw ApiException.badRequest("to", "the log has " + size + " entries, not " + to);
        }
        ConsistencyProof proof = database.record().consistencyProof(from, to);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("old_size", from);
        view.put("new_size", to);
        view.put("old_root", database.record().head(from).root().base64());
        view.put("new_root", database.record().head(to).root().base64());
        view.put("path", base64(proof.path()));
        Json.send(ctx, 200, view);
    }

    private StoredCheckpoint latest() {
        return database.record().latestCheckpoint().orElseThrow(() -> ApiException.notFound(
                "the record has no checkpoint yet (the service signs one every N entries and each UTC day,"
                        + " and only when started with a record key)"));
    }

    private static long required(QueryParams q, String name) {
        String raw = q.text(name);
        if (raw == null) {
            throw ApiException.badRequest(name, name + " is required: a tree size");
        }
        return whole(raw, name);
    }

    private static long whole(String raw, String field) {
        if (!raw.matches("0|[1-9][0-9]{0,17}")) {
            throw ApiException.badRequest(field, field + " must be a whole number without sign or leading zeros, got '"
                    + (raw.length() > 40 ? raw.substring(0, 40) + "..." : raw) + "'");
        }
        return Long.parseLong(raw);
    }

    private static List<String> base64(List<MerkleHash> path) {
        return path.stream().map(MerkleHash::base64).toList();
    }
}
