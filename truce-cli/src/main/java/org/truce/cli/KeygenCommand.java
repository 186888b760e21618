package org.truce.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import org.truce.record.SigningKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code truce keygen --out DIR}: a new Ed25519 key pair for signing the record's checkpoints. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Make an Ed25519 key pair for signing checkpoints of the tamper-evident record: "
                + KeygenCommand.PrivateKeyFile.NAME + " (keep it secret, outside the database), " + KeygenCommand.VKEY
                + " and " + KeygenCommand.PUBLIC_PEM + " (publish them). Never overwrites a file.")
final class KeygenCommand implements Callable<Integer> {

    static final String VKEY = "record-verifier.vkey";
    static final String PUBLIC_PEM = "record-verifier.pub.pem";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the three key files (created if missing).")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "truce.local/record",
            description = "Key name and log origin, as host/path; no spaces or '+' (default: ${DEFAULT-VALUE}).")
    String name;

    @Override
    public Integer call() {
        SigningKey key;
        try {
            key = SigningKey.generate(name);
        } catch (IllegalArgumentException e) {
            throw new UserError("--name: " + e.getMessage());
        }
        Path privateFile = out.resolve(PrivateKeyFile.NAME);
        Path vkeyFile = out.resolve(VKEY);
        Path pemFile = out.resolve(PUBLIC_PEM);
        for (Path p : List.of(privateFile, vkeyFile, pemFile)) {
            if (Files.exists(p)) {
                throw new UserError(p + " already exists; keygen never replaces a key");
            }
        }
        try {
            Files.createDirectories(out);
            PrivateKeyFile.write(privateFile, key.privateKeyPem());
            Files.writeString(vkeyFile, key.verifierKey().vkey() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            Files.writeString(pemFile, key.verifierKey().pem(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new UserError(e.getFile() + " already exists; keygen never replaces a key");
        } catch (IOException e) {
            throw new UserError("cannot write the key files in " + out + ": " + e.getMessage(), e);
        }
        var w = spec.commandLine().getOut();
        w.println("private key: " + privateFile + " (keep it secret; never in the database)");
        w.println("verifier key: " + vkeyFile);
        w.println("  " + key.verifierKey().vkey());
        w.println("public key (PEM): " + pemFile);
        w.flush();
        return 0;
    }

    /** The private key file: readable by its owner only, where the file system can say so. */
    static final class PrivateKeyFile {
        static final String NAME = "record-signing.key.pem";

        private PrivateKeyFile() {
        }

        static void write(Path file, String pem) throws IOException {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, pem, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        }
    }
}
