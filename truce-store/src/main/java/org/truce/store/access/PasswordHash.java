package org.truce.store.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Account passwords as Argon2id hashes (BouncyCastle), written in the PHC string form
 * {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash} so that the cost can be raised later and old
 * hashes still check. The default cost is OWASP's minimum for Argon2id (19 MiB, 2 passes).
 */
public final class PasswordHash {

    /** Shorter passwords are refused: the demo prints 20-character ones. */
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;

    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private PasswordHash() {
    }

    /** The PHC string for a new password, with a fresh salt. */
    public static String of(String password) {
        checkAcceptable(password);
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code password} is the one {@code phc} was made from; false for a malformed hash. */
    public static boolean matches(String password, String phc) {
        Matcher m = PHC.matcher(phc == null ? "" : phc);
        if (password == null || !m.matches()) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(m.group(4));
        byte[] expected = Base64.getDecoder().decode(m.group(5));
        byte[] actual = argon2(password, salt, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the same time as a real check, so that an unknown name answers no faster than a wrong password. */
    static void burn(String password) {
        argon2(password == null ? "" : password, new byte[SALT_BYTES], MEMORY_KIB, ITERATIONS, PARALLELISM,
                HASH_BYTES);
    }

    /** @throws IllegalArgumentException saying what is wrong with a new password */
    public static void checkAcceptable(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a password must be " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters long");
        }
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
            int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        generator.generateBytes(pw, out);
        Arrays.fill(pw, (byte) 0);
        return out;
    }
}
