package org.truce.record;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * One signature line of a signed note: {@code — <key name> <base64(4-byte key hash || signature)>}.
 * The signature bytes are copied in and out.
 */
public record NoteSignature(String keyName, int keyHash, byte[] signature) {

    public NoteSignature {
        String problem = VerifierKey.nameProblem(keyName);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteSignature other && keyName.equals(other.keyName) && keyHash == other.keyHash
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return (keyName.hashCode() * 31 + keyHash) * 31 + Arrays.hashCode(signature);
    }

    /** The line as it is written, without its newline. */
    public String line() {
        byte[] payload = ByteBuffer.allocate(4 + signature.length).putInt(keyHash).put(signature).array();
        return SignedCheckpoint.SIGNATURE_DASH + " " + keyName + " " + Base64.getEncoder().encodeToString(payload);
    }
}
