package org.truce.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;
import org.truce.record.NoteSignature;
import org.truce.record.RecordFormatException;
import org.truce.record.SignedCheckpoint;
import org.truce.record.VerifierKey;
import org.truce.store.Database;
import org.truce.store.record.CosignatureRepository;
import org.truce.store.record.StoredCheckpoint;

/**
 * {@code POST /record/checkpoints/{seq}/cosignatures}: a guarantor countersigns a checkpoint
 * (issue 8). The guarantor checks the checkpoint first ({@code truce cosign} does, see
 * {@link org.truce.record.Witness}); the server keeps the signature line only when it matches the
 * checkpoint under the key sent with it, and serves it with the checkpoint from then on.
 */
final class CosignatureResource {

    private static final Set<String> FIELDS = Set.of("verifier_key", "signature");

    private final Database database;
    private final long maxBodyBytes;

    CosignatureResource(Database database, long maxBodyBytes) {
        this.database = database;
        this.maxBodyBytes = maxBodyBytes;
    }

    void register(RoutesConfig routes) {
        routes.post(TruceServer.API + "/record/checkpoints/{seq}/cosignatures", this::cosign);
    }

    private void cosign(Context ctx) {
        QueryParams.of(ctx, Set.of());
        String rawSeq = ctx.pathParam("seq");
        if (!rawSeq.matches("0|[1-9][0-9]{0,17}")) {
            throw ApiException.badRequest("seq", "a checkpoint number is a whole number without sign or leading zeros,"
                    + " got '" + (rawSeq.length() > 40 ? rawSeq.substring(0, 40) + "..." : rawSeq) + "'");
        }
        JsonNode body = Json.readObject(ctx, maxBodyBytes);
        for (var names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest(name, "unknown field '" + name + "'; this body has signature, verifier_key");
            }
        }
        VerifierKey key;
        try {
            key = VerifierKey.parse(text(body, "verifier_key"));
        } catch (RecordFormatException e) {
            throw ApiException.badRequest("verifier_key", "verifier_key is not a verifier key (name+hash+key): "
                    + e.getMessage());
        }
        NoteSignature signature;
        try {
            signature = SignedCheckpoint.parseSignatureLine(text(body, "signature"));
        } catch (RecordFormatException e) {
            throw ApiException.badRequest("signature", "signature is not a signature line: " + e.getMessage());
        }
        StoredCheckpoint kept;
        try {
            kept = database.cosignatures().add(Long.parseLong(rawSeq), key, signature, AccessGate.caller(ctx).name());
        } catch (CosignatureRepository.Refused r) {
            throw switch (r.reason()) {
                case NO_SUCH_CHECKPOINT -> ApiException.notFound(r.getMessage());
                case ALREADY_COUNTERSIGNED -> ApiException.conflict("verifier_key", r.getMessage());
                case NOT_VALID -> new ApiException(422, "signature", r.getMessage());
            };
        }
        Json.send(ctx, 201, RecordResource.view(kept, database.record().size()));
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.isTextual() || n.textValue().isBlank() || n.textValue().length() > 400) {
            throw ApiException.badRequest(field, field + " is required: 1 to 400 characters");
        }
        return n.textValue();
    }
}
