package org.truce.extraction;

import java.time.LocalDate;
import java.util.List;

/**
 * What was read from one statement: its sentences, the items found (all candidates for review),
 * the dates it was read against, and notices for the reader (languages, what was not read).
 *
 * @param published the publication date relative dates were resolved against
 * @param publishedBasis where that date came from ("--published", "header line", "file name" …)
 * @param eventDay the day the statement's own event is taken to be (a start date when a measure
 *     names none), with {@code eventDayBasis} saying why
 * @param principals the parties the statement is mainly about ("les parties" stands for them)
 */
public record Extraction(String text, List<Sentence> sentences, Language language, LocalDate published,
        String publishedBasis, LocalDate eventDay, String eventDayBasis, List<String> principals,
        List<ExtractedItem> items, List<String> notices) {

    public Extraction {
        sentences = List.copyOf(sentences);
        principals = List.copyOf(principals);
        items = List.copyOf(items);
        notices = List.copyOf(notices);
    }

    public List<MeasureCandidate> measures() {
        return items.stream().filter(MeasureCandidate.class::isInstance).map(MeasureCandidate.class::cast).toList();
    }

    public List<ExchangeCandidate> exchanges() {
        return items.stream().filter(ExchangeCandidate.class::isInstance).map(ExchangeCandidate.class::cast).toList();
    }

    public List<PositionCandidate> positions() {
        return items.stream().filter(PositionCandidate.class::isInstance).map(PositionCandidate.class::cast).toList();
    }

    public List<Claim> claims() {
        return items.stream().filter(Claim.class::isInstance).map(Claim.class::cast).toList();
    }

    public List<TimelineEvent> timeline() {
        return items.stream().filter(TimelineEvent.class::isInstance).map(TimelineEvent.class::cast).toList();
    }

    /** True when nothing a monitor records was found: no measure, exchange, position or claim. */
    public boolean foundNothingToRecord() {
        return measures().isEmpty() && exchanges().isEmpty() && positions().isEmpty() && claims().isEmpty();
    }
}
