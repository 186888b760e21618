package org.truce.store.finding;

import org.truce.assessment.Outcome;

/**
 * Which current findings to list: those under one agreement, optionally of one commitment and/or
 * with one outcome ({@code null}: any). Findings of deleted reports are left out.
 */
public record FindingFilter(String agreementId, String commitmentId, Outcome outcome) {

    public FindingFilter {
        if (agreementId == null || agreementId.isBlank()) {
            throw new IllegalArgumentException("a finding filter needs the agreement");
        }
    }
}
