package org.truce.target;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A quick "could this text name or hint at one of these categories?" on UTF-8 bytes, for rows of
 * a large file that would otherwise be decoded only to find nothing, or on a String before it is
 * read in full. It cuts and folds words exactly as {@link TokenizedText} does and looks for the
 * chosen terms (named and hint terms whose category passes the test) with all their words, as
 * {@link TargetLexicon#read} does, in one pass ({@link TermWalk}); no {@code String} is made.
 *
 * <p>It errs one way only: {@code false} means that {@link TargetLexicon#read} finds no named or
 * hint match of a chosen category in that text; {@code true} means it may (ignore phrases are not
 * masked, and overlapping terms are not chosen between). Immutable and safe to share.
 */
public final class TargetScreen {

    private final FirstWordIndex index;
    private final boolean empty;
    /** One walk per thread, reused from text to text: the screen runs on most rows of a file. */
    private final ThreadLocal<TermWalk> walks;

    private TargetScreen(List<LexiconTerm> chosen) {
        this.index = FirstWordIndex.of(chosen);
        this.empty = chosen.isEmpty();
        FirstWordIndex.Node root = index.root();
        this.walks = ThreadLocal.withInitial(() -> TermWalk.screening(root));
    }

    static TargetScreen of(List<LexiconTerm> terms, Predicate<String> categories) {
        List<LexiconTerm> chosen = new ArrayList<>();
        for (LexiconTerm term : terms) {
            if (term.kind != TermKind.IGNORE && categories.test(term.category)) {
                chosen.add(term);
            }
        }
        return new TargetScreen(chosen);
    }

    /**
     * Whether a chosen term's words all follow each other in {@code utf8[from, to)}. Bytes that
     * are not well-formed UTF-8 answer {@code true}: the screen does not guess.
     */
    public boolean mayMatch(byte[] utf8, int from, int to) {
        return !empty && walks.get().reset().read(utf8, from, to);
    }

    /** The same question for a text already decoded. */
    public boolean mayMatch(String text) {
        return !empty && text != null && walks.get().reset().read(text);
    }
}
