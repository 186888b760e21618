package org.truce.timeline;

import java.time.LocalDate;
import org.truce.agreement.SourceRef;

/** From {@code on}, a milestone stands at {@code status}, on the word of {@code source}. */
public record StatusChange(LocalDate on, ImplementationStatus status, SourceRef source) {

    public StatusChange {
        if (on == null || status == null || source == null) {
            throw new IllegalArgumentException("a status change needs a day, a status and a source");
        }
    }
}
