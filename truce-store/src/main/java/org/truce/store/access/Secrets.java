package org.truce.store.access;

import java.security.SecureRandom;
import java.util.Base64;
import org.truce.store.Sha256;

/**
 * Random secrets for tokens, sessions and CSRF: 32 random bytes, URL-safe Base64. Only their
 * SHA-256 is stored; a fast digest is enough for secrets this long (no guessing to slow down).
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String newSecret(String prefix) {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String digest(String secret) {
        return Sha256.hex(secret);
    }
}
