package org.truce.record;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;

/**
 * The log's Ed25519 signing key (the JDK's own {@code EdDSA}), with its verifier key. The private
 * half lives in a PKCS#8 PEM file outside the database, so that whoever can write the database
 * still cannot sign a checkpoint.
 */
public final class SigningKey {

    private final PrivateKey privateKey;
    private final VerifierKey verifierKey;

    private SigningKey(PrivateKey privateKey, VerifierKey verifierKey) {
        this.privateKey = privateKey;
        this.verifierKey = verifierKey;
    }

    /** A fresh key pair under {@code name} (non-empty, no spaces, no '+'). */
    public static SigningKey generate(String name) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new SigningKey(pair.getPrivate(), VerifierKey.of(name, pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519 (Java 15 and later must have it)", e);
        }
    }

    /**
     * The key from its private-key PEM and its verifier key. The JDK cannot derive an Ed25519 public
     * key from the private one, so both are read; a test signature checks that they belong together.
     */
    public static SigningKey fromPem(String privateKeyPem, VerifierKey verifierKey) throws RecordFormatException {
        byte[] der = Pem.decode("PRIVATE KEY", privateKeyPem);
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new RecordFormatException(0, "the PRIVATE KEY block is not an Ed25519 PKCS#8 key");
        }
        SigningKey signing = new SigningKey(key, verifierKey);
        byte[] probe = "truce key check\n".getBytes(StandardCharsets.UTF_8);
        if (!verifierKey.verifies(probe, signing.signBytes(probe))) {
            throw new RecordFormatException(0, "the private key does not belong to verifier key " + verifierKey.name()
                    + "+" + verifierKey.keyHashHex());
        }
        return signing;
    }

    public VerifierKey verifierKey() {
        return verifierKey;
    }

    /** The private key as PKCS#8 PEM ("PRIVATE KEY"), for the key file. */
    public String privateKeyPem() {
        return Pem.encode("PRIVATE KEY", privateKey.getEncoded());
    }

    /** Signs the checkpoint's text as a signed note with this key's name. */
    public SignedCheckpoint sign(Checkpoint checkpoint) {
        byte[] signature = signBytes(checkpoint.body().getBytes(StandardCharsets.UTF_8));
        return new SignedCheckpoint(checkpoint,
                List.of(new NoteSignature(verifierKey.name(), verifierKey.keyHash(), signature)));
    }

    /**
     * Adds this key's signature to a checkpoint that another key signed: the same checkpoint text,
     * one more signature line, as a guarantor countersigns the log's checkpoint. Checking that the
     * checkpoint deserves it ({@link Witness}) comes first; this only signs.
     *
     * @throws IllegalArgumentException when this key has signed it already
     */
    public SignedCheckpoint cosign(SignedCheckpoint signed) {
        NoteSignature mine = new NoteSignature(verifierKey.name(), verifierKey.keyHash(),
                signBytes(signed.checkpoint().body().getBytes(StandardCharsets.UTF_8)));
        return signed.withSignatures(List.of(mine));
    }

    private byte[] signBytes(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String toString() {
        // Never the private key: this may end up in a log line.
        return "SigningKey[" + verifierKey.vkey() + "]";
    }
}
