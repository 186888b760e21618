package org.truce.record;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A tree head as the text a log signs, in the C2SP tlog-checkpoint convention:
 *
 * <pre>
 * &lt;origin&gt;
 * &lt;tree size, decimal&gt;
 * &lt;root hash, base64&gt;
 * time &lt;UTC instant, ISO 8601, whole seconds&gt;
 * </pre>
 *
 * The time is the fourth line, an extension line as the convention allows: inside the signed
 * text, so it cannot be changed without breaking the signature, and a checkpoint tool that does
 * not know it still reads size and root. Every Truce checkpoint has one, so the parser requires it.
 */
public record Checkpoint(String origin, long size, MerkleHash root, Instant time) {

    static final String TIME_PREFIX = "time ";
    private static final int MAX_ORIGIN_CHARS = 256;

    public Checkpoint {
        String problem = originProblem(origin);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (size < 0) {
            throw new IllegalArgumentException("a tree size cannot be negative: " + size);
        }
        if (root == null || time == null) {
            throw new IllegalArgumentException("a checkpoint needs a root hash and a time");
        }
        // Whole seconds: one spelling of the time, so the signed text is the same after a round trip.
        time = time.truncatedTo(ChronoUnit.SECONDS);
    }

    public static Checkpoint of(String origin, TreeHead head, Instant time) {
        return new Checkpoint(origin, head.size(), head.root(), time);
    }

    public TreeHead treeHead() {
        return new TreeHead(size, root);
    }

    /** The signed text, each line ending with a newline. */
    public String body() {
        return origin + "\n" + size + "\n" + root.base64() + "\n" + TIME_PREFIX
                + DateTimeFormatter.ISO_INSTANT.format(time) + "\n";
    }

    /** Reads the checkpoint text (without signatures); strict: one spelling of everything. */
    static Checkpoint parseBody(String body) throws RecordFormatException {
        if (!body.endsWith("\n")) {
            throw new RecordFormatException(0, "the checkpoint text must end with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 4) {
            throw new RecordFormatException(lines.length + 1, "expected " + new String[] {"", "the origin", "the tree size",
                "the root hash", "the 'time' line"}[lines.length + 1] + ", the checkpoint text ends here");
        }
        if (lines.length > 4) {
            throw new RecordFormatException(5, "unexpected line after the 'time' line: '" + VerifierKey.abbreviate(lines[4]) + "'");
        }
        String problem = originProblem(lines[0]);
        if (problem != null) {
            throw new RecordFormatException(1, problem);
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new RecordFormatException(2, "the tree size must be a decimal number without sign or leading zeros, got '"
                    + VerifierKey.abbreviate(lines[1]) + "'");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new RecordFormatException(2, "the tree size is too large: " + lines[1]);
        }
        MerkleHash root;
        try {
            root = MerkleHash.ofBase64(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException(3, "the root hash: " + e.getMessage());
        }
        if (!lines[3].startsWith(TIME_PREFIX)) {
            throw new RecordFormatException(4, "expected 'time <UTC instant>', got '" + VerifierKey.abbreviate(lines[3]) + "'");
        }
        String timeText = lines[3].substring(TIME_PREFIX.length());
        Instant time;
        try {
            time = Instant.parse(timeText);
        } catch (DateTimeParseException e) {
            throw new RecordFormatException(4, "the time is not an ISO 8601 UTC instant: '" + VerifierKey.abbreviate(timeText) + "'");
        }
        Checkpoint checkpoint = new Checkpoint(lines[0], size, root, time);
        if (!checkpoint.body().equals(body)) {
            throw new RecordFormatException(4, "the time must be written in whole seconds, as 2025-03-19T12:00:00Z");
        }
        return checkpoint;
    }

    private static String originProblem(String origin) {
        if (origin == null || origin.isEmpty()) {
            return "the origin line is empty";
        }
        if (origin.length() > MAX_ORIGIN_CHARS) {
            return "the origin is longer than " + MAX_ORIGIN_CHARS + " characters";
        }
        for (int i = 0; i < origin.length(); i++) {
            if (Character.isISOControl(origin.charAt(i))) {
                return "the origin contains a control character";
            }
        }
        return null;
    }
}
