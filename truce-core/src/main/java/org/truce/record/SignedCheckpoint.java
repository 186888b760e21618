package org.truce.record;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A checkpoint with its signatures, as a C2SP signed note: the checkpoint text, a blank line,
 * then one line per signature. Signatures by keys the verifier does not know are kept and ignored.
 */
public record SignedCheckpoint(Checkpoint checkpoint, List<NoteSignature> signatures) {

    /** The em dash (U+2014) that opens a signature line. */
    static final String SIGNATURE_DASH = "\u2014";
    private static final int MAX_SIGNATURES = 100;
    private static final int MAX_TEXT_CHARS = 64 * 1024;
    private static final int ED25519_SIGNATURE_BYTES = 64;

    public SignedCheckpoint {
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("a signed checkpoint has at least one signature");
        }
    }

    /** The note text: checkpoint, blank line, signature lines. */
    public String text() {
        return checkpoint.body() + "\n"
                + signatures.stream().map(s -> s.line() + "\n").collect(Collectors.joining());
    }

    /**
     * This checkpoint with more signature lines after its own (cosignatures), in the given order.
     *
     * @throws IllegalArgumentException when a key (name and key hash) would sign it twice
     */
    public SignedCheckpoint withSignatures(List<NoteSignature> more) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        for (NoteSignature s : more) {
            if (all.stream().anyMatch(o -> o.keyName().equals(s.keyName()) && o.keyHash() == s.keyHash())) {
                throw new IllegalArgumentException("the checkpoint is already signed by " + s.keyName());
            }
            all.add(s);
        }
        if (all.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("a checkpoint carries at most " + MAX_SIGNATURES + " signatures");
        }
        return new SignedCheckpoint(checkpoint, all);
    }

    /** Checks that {@code key} signed this checkpoint. */
    public ProofCheck verify(VerifierKey key) {
        byte[] message = checkpoint.body().getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (NoteSignature s : signatures) {
            if (s.keyName().equals(key.name()) && s.keyHash() == key.keyHash()) {
                found = true;
                if (!key.verifies(message, s.signature())) {
                    return ProofCheck.failed("the signature by " + key.name() + "+" + key.keyHashHex()
                            + " does not match the checkpoint text");
                }
            }
        }
        return found ? ProofCheck.ok()
                : ProofCheck.failed("no signature by " + key.name() + "+" + key.keyHashHex() + " (signed by "
                        + signatures.stream().map(NoteSignature::keyName).distinct().collect(Collectors.joining(", ")) + ")");
    }

    /** Reads a signed checkpoint; strict, every problem named with its line. */
    public static SignedCheckpoint parse(String text) throws RecordFormatException {
        if (text.length() > MAX_TEXT_CHARS) {
            throw new RecordFormatException(0, "a checkpoint is at most " + MAX_TEXT_CHARS + " characters, this one has "
                    + text.length());
        }
        if (text.indexOf('\r') >= 0) {
            throw new RecordFormatException(lineOf(text, text.indexOf('\r')), "carriage return: lines end with \\n only");
        }
        if (!text.endsWith("\n")) {
            throw new RecordFormatException(0, "the checkpoint must end with a newline");
        }
        int split = text.lastIndexOf("\n\n");
        if (split < 0) {
            throw new RecordFormatException(0, "no blank line between the checkpoint text and its signatures");
        }
        String body = text.substring(0, split + 1);
        if (body.contains("\n\n")) {
            throw new RecordFormatException(lineOf(text, body.indexOf("\n\n")) + 1, "unexpected blank line in the checkpoint text");
        }
        Checkpoint checkpoint = Checkpoint.parseBody(body);
        int firstSignatureLine = lineOf(text, split) + 2;
        String signatureText = text.substring(split + 2);
        if (signatureText.isEmpty()) {
            throw new RecordFormatException(firstSignatureLine, "no signature line after the blank line");
        }
        String[] lines = signatureText.substring(0, signatureText.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new RecordFormatException(firstSignatureLine, "more than " + MAX_SIGNATURES + " signature lines");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            signatures.add(parseSignature(lines[i], firstSignatureLine + i));
        }
        return new SignedCheckpoint(checkpoint, signatures);
    }

    /** One signature line on its own (without its newline), as {@link NoteSignature#line()} writes it. */
    public static NoteSignature parseSignatureLine(String line) throws RecordFormatException {
        return parseSignature(line, 1);
    }

    private static NoteSignature parseSignature(String line, int lineNumber) throws RecordFormatException {
        String prefix = SIGNATURE_DASH + " ";
        if (!line.startsWith(prefix)) {
            throw new RecordFormatException(lineNumber, "a signature line starts with '\u2014 ' (em dash, space), got '"
                    + VerifierKey.abbreviate(line) + "'");
        }
        String rest = line.substring(prefix.length());
        int space = rest.indexOf(' ');
        if (space < 0 || rest.indexOf(' ', space + 1) >= 0) {
            throw new RecordFormatException(lineNumber, "a signature line is '\u2014 <key name> <base64 signature>'");
        }
        String name = rest.substring(0, space);
        String problem = VerifierKey.nameProblem(name);
        if (problem != null) {
            throw new RecordFormatException(lineNumber, problem);
        }
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(rest.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException(lineNumber, "the signature is not base64");
        }
        if (payload.length != 4 + ED25519_SIGNATURE_BYTES) {
            // Other signature types are legal in notes; Truce writes and reads Ed25519 only.
            throw new RecordFormatException(lineNumber, "expected a 4-byte key hash and a 64-byte Ed25519 signature, got "
                    + payload.length + " bytes");
        }
        int keyHash = ByteBuffer.wrap(payload, 0, 4).getInt();
        return new NoteSignature(name, keyHash, Arrays.copyOfRange(payload, 4, payload.length));
    }

    /** The 1-based line of a character offset. */
    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
