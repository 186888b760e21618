package org.truce.target;

/** A lexicon file line that cannot be read; the message names the file and the line. */
public final class LexiconFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final int line;

    LexiconFormatException(String sourceName, int line, String problem) {
        super(sourceName + ", line " + line + ": " + problem);
        this.sourceName = sourceName;
        this.line = line;
    }

    /** The name the lexicon was parsed under, such as {@code lexicon-uk.tsv}. */
    public String sourceName() {
        return sourceName;
    }

    /** The 1-based line number of the offending line. */
    public int line() {
        return line;
    }
}
