package org.truce.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FEATURE UNDER TEST: checkpoints as C2SP signed notes: writing, strict reading, Ed25519 signatures, key files. */
class CheckpointTest {

    private static final SigningKey KEY = SigningKey.generate("truce.example/record");
    private static final Instant TIME = Instant.parse("2025-03-19T12:00:00Z");

    private static SignedCheckpoint signedCheckpoint() {
        MerkleLog log = MerkleLog.inMemory();
        log.appendEntry("{\"kind\":\"report\"}".getBytes(StandardCharsets.UTF_8));
        return KEY.sign(Checkpoint.of("truce.example/record", log.head(), TIME));
    }

    @Test
    void theKeyHashAndSignatureOfThePublishedSignedNoteExampleCheck() throws Exception {
        // The example of the Go sumdb/note documentation, which the C2SP signed-note spec grew from.
        VerifierKey key = VerifierKey.parse("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k");
        byte[] payload = Base64.getDecoder().decode(
                "Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=");
        byte[] signature = java.util.Arrays.copyOfRange(payload, 4, payload.length);
        byte[] message = "This is an example message.\n".getBytes(StandardCharsets.UTF_8);

        assertThat(key.keyHashHex()).isEqualTo("530d903a");
        assertThat(java.util.HexFormat.of().formatHex(payload, 0, 4)).isEqualTo(key.keyHashHex());
        assertThat(key.verifies(message, signature)).isTrue();
        assertThat(key.verifies("This is an example message!\n".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }

    @Test
    void aSignedCheckpointReadsBackAndVerifies() throws Exception {
        SignedCheckpoint signed = signedCheckpoint();
        String text = signed.text();

        assertThat(text).startsWith("truce.example/record\n1\n").contains("\ntime 2025-03-19T12:00:00Z\n\n\u2014 truce.example/record ");
        SignedCheckpoint read = SignedCheckpoint.parse(text);
        assertThat(read.checkpoint()).isEqualTo(signed.checkpoint());
        assertThat(read.text()).isEqualTo(text);
        assertThat(read.verify(KEY.verifierKey()).verified()).isTrue();
    }

    @Test
    void anotherKeyOrAChangedLineFailsTheSignature() throws Exception {
        String text = signedCheckpoint().text();
        SigningKey other = SigningKey.generate("truce.example/record");
        assertThat(SignedCheckpoint.parse(text).verify(other.verifierKey()))
                .isInstanceOfSatisfying(ProofCheck.Failed.class, f -> assertThat(f.reason()).contains("no signature by"));

        String later = text.replace("time 2025-03-19T12:00:00Z", "time 2025-03-20T12:00:00Z");
        assertThat(SignedCheckpoint.parse(later).verify(KEY.verifierKey()))
                .isInstanceOfSatisfying(ProofCheck.Failed.class, f -> assertThat(f.reason()).contains("does not match"));
    }

    @Test
    void signaturesByUnknownKeysAreIgnored() throws Exception {
        SignedCheckpoint signed = signedCheckpoint();
        SignedCheckpoint witness = SigningKey.generate("witness.example").sign(signed.checkpoint());
        String both = signed.text() + witness.signatures().get(0).line() + "\n";
        assertThat(SignedCheckpoint.parse(both).verify(KEY.verifierKey()).verified()).isTrue();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            origin\\n1                                                      | 0 | no blank line
            origin\\n1\\nROOT\\ntime 2025-03-19T12:00:00Z\\n             | 6 | no signature line
            origin\\n01\\nROOT\\ntime 2025-03-19T12:00:00Z\\n\\nSIG         | 2 | leading zeros
            origin\\n-1\\nROOT\\ntime 2025-03-19T12:00:00Z\\n\\nSIG         | 2 | without sign
            origin\\n99999999999999999999\\nROOT\\ntime 2025-03-19T12:00:00Z\\n\\nSIG | 2 | decimal number
            origin\\n1\\nnot-base64\\ntime 2025-03-19T12:00:00Z\\n\\nSIG    | 3 | the root hash
            origin\\n1\\nAAAA\\ntime 2025-03-19T12:00:00Z\\n\\nSIG          | 3 | 32 bytes
            origin\\n1\\nROOT\\n\\nSIG                                      | 4 | the 'time' line
            origin\\n1\\nROOT\\nwhen 2025\\n\\nSIG                          | 4 | expected 'time
            origin\\n1\\nROOT\\ntime yesterday\\n\\nSIG                     | 4 | ISO 8601
            origin\\n1\\nROOT\\ntime 2025-03-19T12:00:00.5Z\\n\\nSIG        | 4 | whole seconds
            origin\\n1\\nROOT\\ntime 2025-03-19T12:00:00Z\\nextra\\n\\nSIG | 5 | unexpected line
            \\n1\\nROOT\\ntime 2025-03-19T12:00:00Z\\n\\nSIG                | 1 | origin line is empty
            origin\\n1\\nROOT\\ntime 2025-03-19T12:00:00Z\\n\\n- name AAAA | 6 | em dash
            origin\\n1\\nROOT\\ntime 2025-03-19T12:00:00Z\\n\\n\u2014 name AAAA | 6 | 4-byte key hash
            origin\\n1\\nROOT\\ntime 2025-03-19T12:00:00Z\\n\\n\u2014 name a b | 6 | <key name> <base64
            origin\\n1\\nROOT\\ntime 2025-03-19T12:00:00Z\\n\\n\u2014 na+me AAAA | 6 | '+'
            """)
    void badCheckpointsAreRefusedWithLineAndReason(String template, int line, String message) {
        String root = MerkleHash.EMPTY_TREE.base64();
        String signature = signedCheckpoint().signatures().get(0).line();
        String text = template.strip().replace("\\n", "\n").replace("ROOT", root).replace("SIG", signature) + "\n";

        assertThatThrownBy(() -> SignedCheckpoint.parse(text))
                .isInstanceOfSatisfying(RecordFormatException.class, e -> {
                    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void aCarriageReturnOrAMissingFinalNewlineIsRefused() {
        String text = signedCheckpoint().text();
        assertThatThrownBy(() -> SignedCheckpoint.parse(text.replace("\n", "\r\n")))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("carriage return");
        assertThatThrownBy(() -> SignedCheckpoint.parse(text.strip()))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("end with a newline");
    }

    @Test
    void keyFilesRoundTripAndAForeignPrivateKeyIsRefused() throws Exception {
        VerifierKey read = VerifierKey.parse(KEY.verifierKey().vkey() + "\n");
        assertThat(read).isEqualTo(KEY.verifierKey());
        SigningKey reloaded = SigningKey.fromPem(KEY.privateKeyPem(), read);
        assertThat(reloaded.sign(signedCheckpoint().checkpoint()).verify(read).verified()).isTrue();
        assertThat(KEY.verifierKey().pem()).startsWith("-----BEGIN PUBLIC KEY-----\n");

        String foreign = SigningKey.generate("truce.example/record").privateKeyPem();
        assertThatThrownBy(() -> SigningKey.fromPem(foreign, read))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> SigningKey.fromPem("nothing here", read))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("BEGIN PRIVATE KEY");
    }

    @Test
    void verifierKeysAreReadStrictly() {
        String good = KEY.verifierKey().vkey();
        String[] parts = good.split("\\+", 3);
        List.of(
                List.of("name-only", "three parts"),
                List.of(parts[0] + "+XYZ+" + parts[2], "8 lower-case hex"),
                List.of(parts[0] + "+00000000+" + parts[2], "does not match"),
                List.of("other.name+" + parts[1] + "+" + parts[2], "does not match"),
                List.of(parts[0] + "+" + parts[1] + "+AAAA", "expected 0x01"),
                List.of(parts[0] + "+" + parts[1] + "+!!", "not base64"),
                List.of("+" + parts[1] + "+" + parts[2], "empty"))
                .forEach(c -> assertThatThrownBy(() -> VerifierKey.parse(c.get(0))).as(c.get(0))
                        .isInstanceOf(RecordFormatException.class).hasMessageContaining(c.get(1)));
    }
}
