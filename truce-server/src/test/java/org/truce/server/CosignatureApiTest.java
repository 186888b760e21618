package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.record.NoteSignature;
import org.truce.record.RecordFormatException;
import org.truce.record.SignedCheckpoint;
import org.truce.record.SigningKey;
import org.truce.store.record.StoredCheckpoint;

/**
 * FEATURE UNDER TEST (issue 8, "guarantor ... signs checkpoints"): {@code POST
 * /api/v1/record/checkpoints/{seq}/cosignatures} keeps a guarantor's countersignature when it
 * matches, serves it with the checkpoint, and refuses anything else with the field at fault and
 * nothing kept.
 */
class CosignatureApiTest {

    @TempDir
    Path dir;

    private ServerFixture fx;
    private final SigningKey log = SigningKey.generate("monitor.example/truce");
    private final SigningKey guarantor = SigningKey.generate("guarantor.example/witness");
    private StoredCheckpoint checkpoint;

    @BeforeEach
    void start() throws Exception {
        fx = ServerFixture.start(dir);
        assertThat(fx.api.postReport("cosign-1", Api.strikeNearSubstation()).status()).isEqualTo(201);
        checkpoint = fx.db.record().checkpointNow(log);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private String body(SigningKey key, NoteSignature line) {
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("verifier_key", key.verifierKey().vkey());
        b.put("signature", line.line());
        return b.toString();
    }

    private NoteSignature lineBy(SigningKey key) {
        SignedCheckpoint both = key.cosign(checkpoint.signed());
        return both.signatures().get(1);
    }

    private String path() {
        return "/api/v1/record/checkpoints/" + checkpoint.seq() + "/cosignatures";
    }

    private int signatureLines() throws RecordFormatException {
        String text = fx.anonymous().get("/api/v1/record/checkpoints/latest").json().get("checkpoint").asText();
        return SignedCheckpoint.parse(text).signatures().size();
    }

    @Test
    void aGuarantorsCosignatureIsKeptAndEveryoneReadsItWithTheCheckpoint() throws RecordFormatException {
        Api.Response kept = fx.as(TestAccounts.GUARANTOR).postJson(path(), body(guarantor, lineBy(guarantor)));

        assertThat(kept.status()).as(kept.raw().body()).isEqualTo(201);
        SignedCheckpoint served = SignedCheckpoint.parse(
                fx.anonymous().get("/api/v1/record/checkpoints/latest").json().get("checkpoint").asText());
        assertThat(served.verify(log.verifierKey()).verified()).isTrue();
        assertThat(served.verify(guarantor.verifierKey()).verified()).isTrue();
        assertThat(SignedCheckpoint.parse(kept.json().get("checkpoint").asText())).isEqualTo(served);
    }

    @Test
    void onlyARoleThatSignsCheckpointsMayCountersign() throws RecordFormatException {
        assertThat(fx.as(TestAccounts.ANALYST).postJson(path(), body(guarantor, lineBy(guarantor))).status())
                .isEqualTo(403);
        assertThat(fx.anonymous().postJson(path(), body(guarantor, lineBy(guarantor))).status()).isEqualTo(401);
        assertThat(signatureLines()).isEqualTo(1);
    }

    @Test
    void refusalsNameTheFieldAndKeepNothing() throws RecordFormatException {
        Api g = fx.as(TestAccounts.GUARANTOR);
        SigningKey impostor = SigningKey.generate("guarantor.example/witness");

        Api.Response mismatch = g.postJson(path(), body(guarantor, new NoteSignature(guarantor.verifierKey().name(),
                guarantor.verifierKey().keyHash(), lineBy(impostor).signature())));
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.json().get("field").asText()).isEqualTo("signature");
        assertThat(mismatch.json().get("error").asText()).contains("does not match checkpoint 0");

        Api.Response badKey = g.postJson(path(), "{\"verifier_key\": \"not a key\", \"signature\": \"x\"}");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.json().get("field").asText()).isEqualTo("verifier_key");

        Api.Response extra = g.postJson(path(), "{\"verifier_key\": \"k\", \"signature\": \"s\", \"note\": 1}");
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.json().get("field").asText()).isEqualTo("note");

        Api.Response noSuch = g.postJson("/api/v1/record/checkpoints/9/cosignatures", body(guarantor, lineBy(guarantor)));
        assertThat(noSuch.status()).isEqualTo(404);
        assertThat(g.postJson("/api/v1/record/checkpoints/01/cosignatures", body(guarantor, lineBy(guarantor)))
                .json().get("field").asText()).isEqualTo("seq");

        assertThat(signatureLines()).isEqualTo(1);
    }

    @Test
    void aSecondCosignatureByTheSameKeyIsAConflictAndTheFirstStays() throws RecordFormatException {
        Api g = fx.as(TestAccounts.GUARANTOR);
        assertThat(g.postJson(path(), body(guarantor, lineBy(guarantor))).status()).isEqualTo(201);

        Api.Response again = g.postJson(path(), body(guarantor, lineBy(guarantor)));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).contains("already");
        assertThat(signatureLines()).isEqualTo(2);
    }
}
