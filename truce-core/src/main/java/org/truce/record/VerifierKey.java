package org.truce.record;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The public half of the log's Ed25519 key, under its name, as the C2SP signed-note convention
 * writes it: {@code <name>+<key hash, 8 hex digits>+<base64(0x01 || 32-byte public key)>}. The key
 * hash is the first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key); it lets a verifier
 * pick its key among several signatures without trying them all.
 */
public final class VerifierKey {

    static final byte ED25519 = 0x01;
    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (OID 1.3.101.112), before the 32 raw bytes. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int KEY_BYTES = 32;

    private final String name;
    private final byte[] publicKey;
    private final int keyHash;

    private VerifierKey(String name, byte[] publicKey) {
        this.name = name;
        this.publicKey = publicKey;
        this.keyHash = keyHash(name, publicKey);
    }

    /** From a name and the 32 raw bytes of an Ed25519 public key. */
    public static VerifierKey of(String name, byte[] rawPublicKey) {
        String problem = nameProblem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (rawPublicKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, got " + rawPublicKey.length);
        }
        return new VerifierKey(name, rawPublicKey.clone());
    }

    /** From the JDK's key object (as {@code KeyPairGenerator.getInstance("Ed25519")} makes it). */
    public static VerifierKey of(String name, PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (!"X.509".equals(key.getFormat()) || encoded.length != SPKI_PREFIX.length + KEY_BYTES
                || !Arrays.equals(encoded, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        return of(name, Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length));
    }

    /** Reads a verifier key line; strict, every problem named. */
    public static VerifierKey parse(String vkey) throws RecordFormatException {
        String text = vkey.strip();
        String[] parts = text.split("\\+", 3);
        if (parts.length != 3) {
            throw new RecordFormatException(0, "a verifier key has three parts, name+hash+key, separated by '+'; found "
                    + parts.length);
        }
        String problem = nameProblem(parts[0]);
        if (problem != null) {
            throw new RecordFormatException(0, "verifier key: " + problem);
        }
        if (!parts[1].matches("[0-9a-f]{8}")) {
            throw new RecordFormatException(0, "verifier key: the key hash must be 8 lower-case hex digits, got '"
                    + abbreviate(parts[1]) + "'");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException(0, "verifier key: the key is not base64");
        }
        if (typed.length != KEY_BYTES + 1 || typed[0] != ED25519) {
            throw new RecordFormatException(0, "verifier key: expected 0x01 (Ed25519) and 32 key bytes, got "
                    + typed.length + " bytes" + (typed.length > 0 ? " starting with 0x" + HexFormat.of().toHexDigits(typed[0]) : ""));
        }
        VerifierKey key = new VerifierKey(parts[0], Arrays.copyOfRange(typed, 1, typed.length));
        if (!key.keyHashHex().equals(parts[1])) {
            throw new RecordFormatException(0, "verifier key: the key hash " + parts[1] + " does not match the name and key (expected "
                    + key.keyHashHex() + ")");
        }
        return key;
    }

    /** Why a key name is not acceptable, or null: non-empty, no spaces, no '+' (signed-note rules). */
    static String nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "the key name is empty";
        }
        if (name.length() > 256) {
            return "the key name is longer than 256 characters";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                return "the key name may not contain spaces, control characters or '+'";
            }
        }
        return null;
    }

    static int keyHash(String name, byte[] publicKey) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[nameBytes.length + 2 + publicKey.length];
        System.arraycopy(nameBytes, 0, input, 0, nameBytes.length);
        input[nameBytes.length] = '\n';
        input[nameBytes.length + 1] = ED25519;
        System.arraycopy(publicKey, 0, input, nameBytes.length + 2, publicKey.length);
        byte[] digest = MerkleHash.sha256(input);
        return ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
    }

    public String name() {
        return name;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public int keyHash() {
        return keyHash;
    }

    public String keyHashHex() {
        return HexFormat.of().toHexDigits(keyHash);
    }

    /** The one-line text form, to publish and to pass to {@code truce verify-bundle --key}. */
    public String vkey() {
        byte[] typed = new byte[KEY_BYTES + 1];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, KEY_BYTES);
        return name + "+" + keyHashHex() + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** The same key as a PEM "PUBLIC KEY" (SubjectPublicKeyInfo), for tools such as openssl. */
    public String pem() {
        return Pem.encode("PUBLIC KEY", spki());
    }

    /** True when {@code signature} is this key's Ed25519 signature of {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(jdkKey());
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // A malformed signature is not a valid one; the caller reports which signature failed.
            return false;
        }
    }

    PublicKey jdkKey() throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki()));
    }

    private byte[] spki() {
        byte[] encoded = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + KEY_BYTES);
        System.arraycopy(publicKey, 0, encoded, SPKI_PREFIX.length, KEY_BYTES);
        return encoded;
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifierKey other && name.equals(other.name) && Arrays.equals(publicKey, other.publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return vkey();
    }
}
