package org.truce.target;

/** What a lexicon line does; the first column of a lexicon file. */
enum TermKind {
    /** The term names a kind of object ("substation"). */
    NAMED("named"),
    /** The term describes a consequence that suggests a kind of object ("power outage"). */
    HINT("hint"),
    /** The phrase is masked before matching ("energy truce" names the agreement, not a target). */
    IGNORE("ignore");

    final String word;

    TermKind(String word) {
        this.word = word;
    }

    static TermKind fromWord(String word) {
        for (TermKind kind : values()) {
            if (kind.word.equals(word)) {
                return kind;
            }
        }
        return null;
    }

    TargetStrength strength() {
        switch (this) {
            case NAMED:
                return TargetStrength.NAMED;
            case HINT:
                return TargetStrength.HINT;
            default:
                throw new IllegalStateException("an ignore term has no strength");
        }
    }
}
