package org.truce.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.truce.record.Checkpoint;
import org.truce.record.ConsistencyProof;
import org.truce.record.MerkleHash;
import org.truce.record.NoteSignature;
import org.truce.record.ProofCheck;
import org.truce.record.RecordFormatException;
import org.truce.record.SignedCheckpoint;
import org.truce.record.SigningKey;
import org.truce.record.VerifierKey;
import org.truce.record.Witness;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code truce cosign}: a guarantor countersigns the service's latest checkpoint, after checking
 * it with its own memory of the last one it countersigned (issue 8, docs/integrity.md).
 */
@Command(name = "cosign", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "As a guarantor, countersign the latest checkpoint of a Truce service's record.",
            "The checkpoint must be signed by the log's key (--log-key) and extend the last checkpoint this guarantor countersigned (kept in",
            "--state; a consistency proof from the service shows it). Only then is it signed with --key and sent.",
            "Exit code 0: countersigned (or already was); 3: the checkpoint does not check, nothing sent; 2: bad input",
            "or the service refused."
        })
final class CosignCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "URL",
            description = "The service, e.g. http://127.0.0.1:7070 (its API is under /api/v1).")
    String server;

    @Option(names = "--token-file", required = true, paramLabel = "FILE",
            description = "The guarantor's API token (first line of FILE); the role must hold sign_checkpoint.")
    Path tokenFile;

    @Option(names = "--key", required = true, paramLabel = "FILE",
            description = "The guarantor's private key (record-signing.key.pem from 'truce keygen --name ...'), its"
                    + " record-verifier.vkey beside it.")
    Path keyFile;

    @Option(names = "--log-key", required = true, paramLabel = "FILE",
            description = "The log's verifier key (.vkey), as the service published it.")
    Path logKeyFile;

    @Option(names = "--state", paramLabel = "FILE",
            description = "The last checkpoint this guarantor countersigned (default: cosigned-checkpoint.txt beside"
                    + " --key). Written after each countersignature; keep it, it is the guarantor's memory.")
    Path stateFile;

    @Override
    public Integer call() throws InterruptedException {
        SigningKey key = RecordKeyOptions.load(keyFile);
        VerifierKey logKey = RecordKeyOptions.verifierKey(logKeyFile);
        Path state = stateFile != null ? stateFile : keyFile.toAbsolutePath().resolveSibling("cosigned-checkpoint.txt");
        Optional<Checkpoint> last = lastCosigned(state);
        String token = token();
        String api = server.replaceAll("/+$", "") + "/api/v1";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        var out = spec.commandLine().getOut();

        JsonNode latest = get(http, api + "/record/checkpoints/latest", token);
        long seq = latest.path("seq").asLong(-1);
        SignedCheckpoint next;
        try {
            next = SignedCheckpoint.parse(latest.path("checkpoint").asText());
        } catch (RecordFormatException e) {
            throw new UserError(server + ": the latest checkpoint does not read: " + e.getMessage(), e);
        }
        Optional<ConsistencyProof> proof = Optional.empty();
        if (last.isPresent() && next.checkpoint().size() > last.get().size()) {
            proof = Optional.of(consistency(http, api, token, last.get().size(), next.checkpoint().size()));
        }
        ProofCheck check = Witness.check(logKey, last, next, proof);
        if (check instanceof ProofCheck.Failed f) {
            out.println("REFUSED: checkpoint " + seq + " (size " + next.checkpoint().size() + "): " + f.reason());
            out.println("nothing was signed or sent; " + state + " is unchanged");
            out.flush();
            return VerifyBundleCommand.EXIT_NOT_VERIFIED;
        }
        Checkpoint c = next.checkpoint();
        if (next.verify(key.verifierKey()).verified()) {
            remember(state, next);
            out.println("checkpoint " + seq + " (size " + c.size() + ") is countersigned by " + key.verifierKey().name()
                    + " already");
            out.flush();
            return 0;
        }
        SignedCheckpoint both = key.cosign(next);
        NoteSignature mine = both.signatures().get(both.signatures().size() - 1);
        ObjectNode body = JSON.createObjectNode();
        body.put("verifier_key", key.verifierKey().vkey());
        body.put("signature", mine.line());
        post(http, api + "/record/checkpoints/" + seq + "/cosignatures", token, body.toString());
        remember(state, both);
        out.println("countersigned checkpoint " + seq + ": size " + c.size() + ", root " + c.root().base64() + ", "
                + c.time() + (last.isEmpty() ? " (the first for this guarantor)"
                        : " (extends size " + last.get().size() + ")"));
        out.flush();
        return 0;
    }

    private ConsistencyProof consistency(HttpClient http, String api, String token, long from, long to)
            throws InterruptedException {
        JsonNode answer = get(http, api + "/record/consistency?from=" + from + "&to=" + to, token);
        List<MerkleHash> path = new ArrayList<>();
        for (JsonNode h : answer.path("path")) {
            try {
                path.add(MerkleHash.ofBase64(h.asText()));
            } catch (IllegalArgumentException e) {
                throw new UserError(server + ": the consistency proof holds a hash that does not read: " + h.asText());
            }
        }
        return new ConsistencyProof(from, to, path);
    }

    private Optional<Checkpoint> lastCosigned(Path state) {
        if (!Files.exists(state)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SignedCheckpoint.parse(Files.readString(state, StandardCharsets.UTF_8)).checkpoint());
        } catch (IOException e) {
            throw new UserError("--state: cannot read " + state + ": " + e.getMessage(), e);
        } catch (RecordFormatException e) {
            throw new UserError("--state " + state + ": " + e.getMessage(), e);
        }
    }

    private static void remember(Path state, SignedCheckpoint signed) {
        try {
            Path parent = state.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".cosigned", ".tmp");
            Files.writeString(tmp, signed.text(), StandardCharsets.UTF_8);
            Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserError("--state: cannot write " + state + ": " + e.getMessage(), e);
        }
    }

    private String token() {
        try {
            List<String> lines = Files.readAllLines(tokenFile, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                throw new UserError("--token-file " + tokenFile + ", line 1: no token");
            }
            return lines.get(0).strip();
        } catch (IOException e) {
            throw new UserError("--token-file: cannot read " + tokenFile + ": " + e.getMessage(), e);
        }
    }

    private JsonNode get(HttpClient http, String url, String token) throws InterruptedException {
        return send(http, HttpRequest.newBuilder(URI.create(url)).GET(), token, 200);
    }

    private JsonNode post(HttpClient http, String url, String token, String body) throws InterruptedException {
        return send(http, HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), token, 201);
    }

    private JsonNode send(HttpClient http, HttpRequest.Builder request, String token, int expected)
            throws InterruptedException {
        HttpRequest r = request.header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> answer;
        try {
            answer = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new UserError("--server " + server + ": cannot connect", e);
        } catch (IOException e) {
            throw new UserError("--server " + server + ": " + r.method() + " " + r.uri().getPath() + " failed: "
                    + e.getMessage(), e);
        }
        JsonNode json;
        try {
            json = JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UserError("--server " + server + ": " + r.uri().getPath() + " answered " + answer.statusCode()
                    + " with something other than JSON");
        }
        if (answer.statusCode() != expected) {
            throw new UserError("--server " + server + ": " + r.method() + " " + r.uri().getPath() + " answered "
                    + answer.statusCode() + ": " + json.path("error").asText("(no message)"));
        }
        return json;
    }
}
