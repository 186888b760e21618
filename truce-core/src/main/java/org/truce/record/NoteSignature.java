package org.truce.record;

import java.nio.ByteBuffer;
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

    /** The line as it is written, without its newline. */
    public String line() {
        byte[] payload = ByteBuffer.allocate(4 + signature.length).putInt(keyHash).put(signature).array();
        return SignedCheckpoint.SIGNATURE_DASH + " " + keyName + " " + Base64.getEncoder().encodeToString(payload);
    }
}
