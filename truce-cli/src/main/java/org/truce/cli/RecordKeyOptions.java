package org.truce.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.truce.record.RecordFormatException;
import org.truce.record.SigningKey;
import org.truce.record.VerifierKey;
import picocli.CommandLine.Option;

/**
 * How {@code serve} and {@code demo} sign checkpoints of the record: the private key file made by
 * {@code truce keygen} (its verifier key is read from {@code record-verifier.vkey} beside it) and
 * how often. Without a key the record is still kept; only the signed checkpoints are missing.
 */
final class RecordKeyOptions {

    static final long DEFAULT_EVERY = 1000;

    @Option(names = "--record-key", paramLabel = "FILE",
            description = "Private key that signs checkpoints of the record (record-signing.key.pem from 'truce keygen';"
                    + " record-verifier.vkey must sit beside it). Keep it outside the database.")
    Path keyFile;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Sign a checkpoint every N entries of the record, and once each UTC day (default ${DEFAULT-VALUE}).")
    long every = DEFAULT_EVERY;

    Optional<SigningKey> load() {
        if (every < 1) {
            throw new UserError("--checkpoint-every must be 1 or more, got " + every);
        }
        return keyFile == null ? Optional.empty() : Optional.of(load(keyFile));
    }

    /** The signing key from its PEM file and the verifier key beside it. */
    static SigningKey load(Path privateKeyFile) {
        Path vkeyFile = privateKeyFile.toAbsolutePath().resolveSibling(KeygenCommand.VKEY);
        VerifierKey verifier = verifierKey(vkeyFile);
        try {
            return SigningKey.fromPem(Files.readString(privateKeyFile, StandardCharsets.US_ASCII), verifier);
        } catch (IOException e) {
            throw new UserError("--record-key: cannot read " + privateKeyFile + ": " + e.getMessage(), e);
        } catch (RecordFormatException e) {
            throw new UserError("--record-key " + privateKeyFile + ": " + e.getMessage(), e);
        }
    }

    static VerifierKey verifierKey(Path vkeyFile) {
        try {
            return VerifierKey.parse(Files.readString(vkeyFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError("cannot read the verifier key " + vkeyFile + ": " + e.getMessage(), e);
        } catch (RecordFormatException e) {
            throw new UserError(vkeyFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * The demo's throwaway key in {@code dir}, made on first use: a demo record is signed like a
     * real one, with a key that proves nothing about who signed.
     */
    static Path throwawayKey(Path dir) {
        Path privateFile = dir.resolve(KeygenCommand.PrivateKeyFile.NAME);
        if (Files.isRegularFile(privateFile)) {
            return privateFile;
        }
        SigningKey key = SigningKey.generate("demo.truce.local/record");
        try {
            Files.createDirectories(dir);
            KeygenCommand.PrivateKeyFile.write(privateFile, key.privateKeyPem());
            Files.writeString(dir.resolve(KeygenCommand.VKEY), key.verifierKey().vkey() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UserError("cannot write the demo's record key in " + dir + ": " + e.getMessage(), e);
        }
        return privateFile;
    }
}
