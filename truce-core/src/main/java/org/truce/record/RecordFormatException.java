package org.truce.record;

/**
 * A checkpoint, key or bundle text that cannot be read: says where (line, 1-based; 0 when the text
 * as a whole is wrong) and what is wrong. Checked, because hostile or damaged input is an expected
 * outcome that every caller must turn into a message for a person.
 */
public final class RecordFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final String problem;

    public RecordFormatException(int line, String problem) {
        super(line > 0 ? "line " + line + ": " + problem : problem);
        this.line = line;
        this.problem = problem;
    }

    public int line() {
        return line;
    }

    /** What is wrong, without the line. */
    public String problem() {
        return problem;
    }
}
