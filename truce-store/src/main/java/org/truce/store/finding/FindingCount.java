package org.truce.store.finding;

import java.time.LocalDate;
import org.truce.assessment.Outcome;

/**
 * How many current findings of one commitment have one outcome, for one party ("" when the
 * report's actor is attributed to no party) and one recorded event day.
 */
public record FindingCount(String commitmentId, String party, LocalDate day, Outcome outcome, long count) {
}
