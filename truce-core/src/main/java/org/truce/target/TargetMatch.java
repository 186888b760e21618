package org.truce.target;

/**
 * One place where a report's words point at a kind of target.
 *
 * @param category    the dotted category the lexicon gives the term, such as {@code energy.substation}
 * @param strength    whether the words name the object or only suggest it
 * @param language    the language of the lexicon file the term comes from ({@code uk})
 * @param term        the term as written in the lexicon ({@code підстанці*})
 * @param matchedText the report's words as found, with their original case and accents ({@code підстанцію})
 * @param field       the report field they were found in: {@value #TARGET_FIELD} or {@value #NOTES_FIELD}
 * @param offset      the char offset of {@code matchedText} in that field
 */
public record TargetMatch(
        String category,
        TargetStrength strength,
        String language,
        String term,
        String matchedText,
        String field,
        int offset) {

    /** The report's explicit target description. */
    public static final String TARGET_FIELD = "target";
    /** The report's free-text notes. */
    public static final String NOTES_FIELD = "notes";

    public TargetMatch {
        if (category == null || category.isEmpty()) {
            throw new IllegalArgumentException("a target match needs a category");
        }
        if (strength == null) {
            throw new IllegalArgumentException("a target match needs a strength");
        }
        if (language == null || term == null || term.isEmpty()) {
            throw new IllegalArgumentException("a target match needs the lexicon language and term");
        }
        if (matchedText == null || matchedText.isEmpty() || field == null || field.isEmpty()) {
            throw new IllegalArgumentException("a target match needs the text found and its field");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
    }

    /** The char offset just after {@code matchedText}. */
    public int endOffset() {
        return offset + matchedText.length();
    }

    /** Evidence in words: "word 'підстанцію' in notes" or "phrase 'power outages' in notes". */
    public String describe() {
        boolean phrase = matchedText.codePoints().anyMatch(Character::isWhitespace);
        return (phrase ? "phrase '" : "word '") + matchedText + "' in " + field;
    }
}
