package org.truce.extraction.output;

import java.util.List;
import org.truce.extraction.ExtractedItem;
import org.truce.extraction.Extraction;

/** The extraction as a terminal reader wants it: what was found, grouped, each with its words. */
public final class ReadableList {

    private ReadableList() {
    }

    public static String render(Extraction e, String statementName) {
        StringBuilder b = new StringBuilder();
        b.append(statementName).append(": ").append(e.sentences().size()).append(" sentences, language ")
                .append(e.language() == org.truce.extraction.Language.OTHER ? "other" : e.language().code())
                .append(", published ").append(e.published()).append(" (").append(e.publishedBasis()).append(")\n");
        b.append("event day ").append(e.eventDay()).append(" (").append(e.eventDayBasis()).append(")");
        if (!e.principals().isEmpty()) {
            b.append("; main parties ").append(String.join(", ", e.principals()));
        }
        b.append('\n');
        section(b, "measures (candidate commitments)", e.measures());
        section(b, "exchanges", e.exchanges());
        section(b, "positions (demands of one party)", e.positions());
        section(b, "claims (kept as the claims of their source)", e.claims());
        section(b, "timeline", e.timeline());
        for (String notice : e.notices()) {
            b.append("note: ").append(notice).append('\n');
        }
        if (e.foundNothingToRecord()) {
            b.append("no measure, exchange, position or claim found: nothing to record from this statement\n");
        }
        b.append("Everything above is a candidate for review, not a finding.\n");
        return b.toString();
    }

    private static void section(StringBuilder b, String title, List<? extends ExtractedItem> items) {
        if (items.isEmpty()) {
            return;
        }
        b.append('\n').append(title).append(":\n");
        for (ExtractedItem it : items) {
            b.append("  - ").append(it.describe()).append('\n');
            b.append("    \"").append(oneLine(it.span().text())).append("\" (sentence ").append(it.sentence())
                    .append(", chars ").append(it.span().start_char()).append('-').append(it.span().end_char())
                    .append(", rule ").append(it.rule()).append(", confidence ").append(it.confidence()).append(")\n");
        }
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ");
        return t.length() > 160 ? t.substring(0, 157) + "..." : t;
    }
}
