package org.truce.target;

/**
 * A phrase set aside before matching because it contains target words without naming a target,
 * such as "energy truce" (the agreement itself). Kept so an assessment can say why those words
 * did not count.
 *
 * @param language    the language of the lexicon file the phrase comes from
 * @param term        the phrase as written in the lexicon
 * @param matchedText the report's words as found
 * @param field       the report field: {@value TargetMatch#TARGET_FIELD} or {@value TargetMatch#NOTES_FIELD}
 * @param offset      the char offset of {@code matchedText} in that field
 */
public record IgnoredPhrase(String language, String term, String matchedText, String field, int offset) {

    public IgnoredPhrase {
        if (language == null || term == null || term.isEmpty()) {
            throw new IllegalArgumentException("an ignored phrase needs the lexicon language and term");
        }
        if (matchedText == null || matchedText.isEmpty() || field == null || field.isEmpty()) {
            throw new IllegalArgumentException("an ignored phrase needs the text found and its field");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
    }

    /** "'energy truce' in notes". */
    public String describe() {
        return "'" + matchedText + "' in " + field;
    }
}
