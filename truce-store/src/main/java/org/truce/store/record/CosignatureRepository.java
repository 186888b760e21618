package org.truce.store.record;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.truce.record.NoteSignature;
import org.truce.record.RecordFormatException;
import org.truce.record.SignedCheckpoint;
import org.truce.record.VerifierKey;
import org.truce.store.internal.Sql;

/**
 * Guarantors' countersignatures of checkpoints (migration V10). The server keeps a cosignature
 * only when it checks under the key it came with, and never replaces one; who trusts that key is
 * decided outside the server (the guarantor publishes it). Reads of checkpoints through
 * {@link RecordLogRepository} carry them as extra signature lines.
 */
public final class CosignatureRepository {

    /** Why a cosignature was not kept. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** What was wrong with it. */
        public enum Reason {
            /** There is no checkpoint with that number. */
            NO_SUCH_CHECKPOINT,
            /** The signature does not check, or the key may not countersign. */
            NOT_VALID,
            /** The key has countersigned this checkpoint already (the request is not wrong, only late). */
            ALREADY_COUNTERSIGNED
        }

        private final Reason reason;

        Refused(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public CosignatureRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Keeps {@code signature} of checkpoint {@code seq} by {@code key}, sent by {@code account},
     * and returns the checkpoint with every signature it now has.
     *
     * @throws Refused when there is no such checkpoint, the signature is not by {@code key} or does
     *     not match the checkpoint, the key has the log's own name, or the key countersigned it already
     */
    public StoredCheckpoint add(long seq, VerifierKey key, NoteSignature signature, String account) {
        return jdbi.inTransaction(h -> {
            StoredCheckpoint stored = RecordLogRepository.checkpointRow(h, seq)
                    .orElseThrow(() -> new Refused(Refused.Reason.NO_SUCH_CHECKPOINT, "the record has no checkpoint " + seq));
            SignedCheckpoint current = withCosignatures(h, stored).signed();
            if (key.name().equals(current.checkpoint().origin())) {
                throw new Refused(Refused.Reason.NOT_VALID, "a guarantor's key must not carry the log's own name ("
                        + key.name() + ")");
            }
            if (!signature.keyName().equals(key.name()) || signature.keyHash() != key.keyHash()) {
                throw new Refused(Refused.Reason.NOT_VALID, "the signature line is by " + signature.keyName()
                        + ", not by the key " + key.name() + "+" + key.keyHashHex());
            }
            if (!key.verifies(current.checkpoint().body().getBytes(StandardCharsets.UTF_8), signature.signature())) {
                throw new Refused(Refused.Reason.NOT_VALID, "the signature does not match checkpoint " + seq
                        + " (size " + current.checkpoint().size() + ") under the key " + key.name());
            }
            if (current.signatures().stream().anyMatch(s -> s.keyName().equals(key.name())
                    && s.keyHash() == key.keyHash())) {
                throw new Refused(Refused.Reason.ALREADY_COUNTERSIGNED, "checkpoint " + seq
                        + " is countersigned by " + key.name() + " already");
            }
            h.createUpdate("INSERT INTO record_cosignatures (checkpoint_seq, key_name, key_hash, verifier_key, "
                            + "signature_line, account, received_at) VALUES (:seq, :name, :hash, :vkey, :line, :account, :at)")
                    .bind("seq", seq)
                    .bind("name", key.name())
                    .bind("hash", key.keyHash())
                    .bind("vkey", key.vkey())
                    .bind("line", signature.line())
                    .bind("account", account)
                    .bind("at", Sql.timestamp(clock.instant()))
                    .execute();
            return new StoredCheckpoint(seq, current.withSignatures(List.of(signature)));
        });
    }

    /** {@code stored} with the cosignatures kept for it, in the order they came. */
    static StoredCheckpoint withCosignatures(Handle h, StoredCheckpoint stored) {
        List<NoteSignature> lines = h.createQuery("SELECT signature_line FROM record_cosignatures "
                        + "WHERE checkpoint_seq = :seq ORDER BY received_at, key_name, key_hash")
                .bind("seq", stored.seq())
                .map((rs, ctx) -> line(rs, stored.seq()))
                .list();
        return lines.isEmpty() ? stored : new StoredCheckpoint(stored.seq(), stored.signed().withSignatures(lines));
    }

    private static NoteSignature line(ResultSet rs, long seq) throws SQLException {
        String line = rs.getString("signature_line");
        try {
            return SignedCheckpoint.parseSignatureLine(line);
        } catch (RecordFormatException e) {
            throw new IllegalStateException("a cosignature of checkpoint " + seq + " does not read: " + e.getMessage(), e);
        }
    }
}
