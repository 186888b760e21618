package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.record.ConsistencyProof;
import org.truce.record.InclusionProof;
import org.truce.record.LeafHash;
import org.truce.record.MerkleHash;
import org.truce.record.ProofCheck;
import org.truce.record.SignedCheckpoint;
import org.truce.record.SigningKey;
import org.truce.record.TreeHead;

/**
 * FEATURE UNDER TEST: /record (issue 6): the latest checkpoint, an entry with its inclusion proof,
 * and consistency proofs, each checked with the RFC 9162 verification algorithms of the core (the
 * ones tested against the RFC 6962 test vectors), which never look at the tree.
 */
class RecordApiTest {

    @TempDir
    static Path dir;

    private static ServerFixture fx;
    private static final SigningKey KEY = SigningKey.generate("monitor.example/truce");

    @BeforeAll
    static void start() throws Exception {
        fx = ServerFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void proofsFromTheApiVerifyAgainstTheSignedCheckpoint() throws Exception {
        assertThat(fx.api.get("/api/v1/record/checkpoints/latest").status()).as("no checkpoint yet").isEqualTo(404);
        for (int i = 0; i < 3; i++) {
            ObjectNode report = Api.strikeNearSubstation();
            report.put("event_id_cnty", "record-" + i);
            assertThat(fx.api.postReport("record-" + i, report).status()).isEqualTo(201);
        }
        fx.server.signCheckpoints(KEY, 1000);
        long size = fx.db.record().checkpointNow(KEY).size();
        assertThat(size).as("the basis at start, then for each report its version, its findings and its incident")
                .isEqualTo(10);

        JsonNode latest = fx.api.get("/api/v1/record/checkpoints/latest").json();
        SignedCheckpoint checkpoint = SignedCheckpoint.parse(latest.get("checkpoint").asText());
        assertThat(checkpoint.verify(KEY.verifierKey())).isInstanceOf(ProofCheck.Verified.class);
        assertThat(latest.get("tree_size").asLong()).isEqualTo(10);
        TreeHead head = checkpoint.checkpoint().treeHead();

        for (long i = 0; i < 10; i++) {
            JsonNode e = fx.api.get("/api/v1/record/entries/" + i).json();
            LeafHash leaf = LeafHash.ofEntry(e.get("entry").asText().getBytes(StandardCharsets.UTF_8));
            InclusionProof proof = new InclusionProof(i, e.get("tree_size").asLong(), hashes(e.get("inclusion_path")));
            assertThat(proof.verify(leaf, head)).as("entry %d", i).isInstanceOf(ProofCheck.Verified.class);
            assertThat(proof.verify(LeafHash.ofEntry("{}".getBytes(StandardCharsets.UTF_8)), head))
                    .isInstanceOf(ProofCheck.Failed.class);
        }
        assertThat(fx.api.get("/api/v1/record/entries/1").json().get("kind").asText()).isEqualTo("report_version");
        assertThat(fx.api.get("/api/v1/record/entries/2").json().get("kind").asText()).isEqualTo("findings");
        assertThat(fx.api.get("/api/v1/record/entries/3").json().get("kind").asText()).isEqualTo("incident");

        JsonNode c = fx.api.get("/api/v1/record/consistency?from=3&to=10").json();
        TreeHead older = new TreeHead(3, MerkleHash.ofBase64(c.get("old_root").asText()));
        assertThat(MerkleHash.ofBase64(c.get("new_root").asText())).isEqualTo(head.root());
        assertThat(new ConsistencyProof(3, 10, hashes(c.get("path"))).verify(older, head))
                .isInstanceOf(ProofCheck.Verified.class);
    }

    @Test
    void badRequestsAreNamed() {
        assertThat(fx.api.get("/api/v1/record/consistency?from=5&to=2").field()).isEqualTo("from");
        assertThat(fx.api.get("/api/v1/record/consistency?from=0&to=999999").field()).isEqualTo("to");
        assertThat(fx.api.get("/api/v1/record/consistency?to=2").field()).isEqualTo("from");
        assertThat(fx.api.get("/api/v1/record/entries/-1").status()).isEqualTo(400);
        assertThat(fx.api.get("/api/v1/record/entries/999999").status()).isEqualTo(404);
    }

    private static List<MerkleHash> hashes(JsonNode array) {
        List<MerkleHash> out = new ArrayList<>();
        array.forEach(h -> out.add(MerkleHash.ofBase64(h.asText())));
        return out;
    }
}
