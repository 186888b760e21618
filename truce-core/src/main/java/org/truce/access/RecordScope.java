package org.truce.access;

import java.util.EnumSet;
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

    /** The statuses the public may see an incident in. */
    public static final Set<VerificationStatus> SETTLED = Set.copyOf(EnumSet.of(VerificationStatus.VERIFIED,
            VerificationStatus.REFUTED));

    private RecordScope() {
    }

    /**
     * A role's scope as a condition a store can put in its query, so that lists and their totals
     * count only what the role sees: every incident, or the settled ones plus those whose findings
     * name {@code concernedParty} (when not null).
     */
    public record Reach(boolean everyIncident, String concernedParty) {

        /** Whether an incident in {@code status} whose findings name {@code partiesConcerned} is in reach. */
        public boolean includes(VerificationStatus status, Set<String> partiesConcerned) {
            return everyIncident || SETTLED.contains(status)
                    || (concernedParty != null && partiesConcerned.contains(concernedParty));
        }
    }

    public static Reach reachOf(Role role) {
        // A switch expression over the enum: a new role does not compile until it has a rule.
        return switch (role.kind()) {
            case ADMIN, MONITOR, ANALYST, GUARANTOR -> new Reach(true, null);
            case PARTY_LIAISON -> new Reach(false, role.party());
            case PUBLIC -> new Reach(false, null);
        };
    }

    /**
     * @param partiesConcerned the parties the incident's findings attribute it to (agreement party ids)
     */
    public static boolean sees(Role role, VerificationStatus status, Set<String> partiesConcerned) {
        return reachOf(role).includes(status, partiesConcerned);
    }
}
