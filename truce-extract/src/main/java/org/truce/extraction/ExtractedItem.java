package org.truce.extraction;

import java.util.List;
import java.util.Map;

/**
 * One thing read from a statement: a candidate for a person to confirm, never a finding. Each
 * carries the words it rests on, the rule that produced it and a confidence between 0 and 1.
 */
public sealed interface ExtractedItem
        permits ActorMention, PlaceMention, DateMention, DurationMention, NumberMention, MeasureCandidate,
        ExchangeCandidate, PositionCandidate, Claim, TimelineEvent {

    Span span();

    /** Id of the pattern (rules.tsv) or gazetteer entry that produced the item. */
    String rule();

    double confidence();

    /** 1-based number of the sentence the item was read from (as the extractor split the text). */
    int sentence();

    /** Item type as written in items.jsonl and used by the evaluation: measure, actor, date … */
    String type();

    /** The fields of this type, in output order, for items.jsonl. */
    Map<String, Object> details();

    /**
     * Short comparable keys ("measure:strike_halt", "stance:ceasefire:UA:accepted") that the
     * annotated set lists as expected; an item may stand for several.
     */
    List<String> keys();

    /** One readable line for the terminal. */
    String describe();
}
