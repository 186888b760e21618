package org.truce.access;

import java.util.Set;
import org.truce.incident.VerificationStatus;

/**
 * Which incidents (with their reports and findings) a role sees at all, before any field is
 * redacted. The mission and the guarantors see everything. The public sees settled incidents
 * only (verified or refuted), so that an unchecked accusation is never published as the
 * monitor's record. A party's liaison sees those too, and every incident whose findings concern
 * its party, whatever its status, so that it can answer them.
 */
public final class RecordScope {

    private RecordScope() {
    }

    /**
     * @param partiesConcerned the parties the incident's findings attribute it to (agreement party ids)
     */
    public static boolean sees(Role role, VerificationStatus status, Set<String> partiesConcerned) {
        boolean settled = status == VerificationStatus.VERIFIED || status == VerificationStatus.REFUTED;
        // A switch expression over the enum: a new role does not compile until it has a rule.
        return switch (role.kind()) {
            case ADMIN, MONITOR, ANALYST, GUARANTOR -> true;
            case PARTY_LIAISON -> settled || partiesConcerned.contains(role.party());
            case PUBLIC -> settled;
        };
    }
}
