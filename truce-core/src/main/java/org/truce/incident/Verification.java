package org.truce.incident;

import static org.truce.incident.VerificationStatus.CORROBORATED;
import static org.truce.incident.VerificationStatus.DISPUTED;
import static org.truce.incident.VerificationStatus.REFUTED;
import static org.truce.incident.VerificationStatus.REPORTED;
import static org.truce.incident.VerificationStatus.VERIFIED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The verification workflow: which status changes are allowed, and the two conditions beyond the
 * table. Corroboration needs at least two independent sources. Four eyes: nobody verifies an
 * incident they created or one holding a report they submitted.
 */
public final class Verification {

    /** Allowed changes, from → to. Anything not listed is refused. */
    public static final Map<VerificationStatus, Set<VerificationStatus>> ALLOWED = allowed();

    /** Independent sources a corroborated incident needs. */
    public static final int CORROBORATING_SOURCES = 2;

    private Verification() {
    }

    private static Map<VerificationStatus, Set<VerificationStatus>> allowed() {
        Map<VerificationStatus, Set<VerificationStatus>> m = new EnumMap<>(VerificationStatus.class);
        m.put(REPORTED, EnumSet.of(CORROBORATED, DISPUTED, REFUTED));
        m.put(CORROBORATED, EnumSet.of(VERIFIED, DISPUTED, REFUTED, REPORTED));
        m.put(VERIFIED, EnumSet.of(DISPUTED));
        m.put(DISPUTED, EnumSet.of(CORROBORATED, VERIFIED, REFUTED));
        m.put(REFUTED, EnumSet.of(DISPUTED));
        m.replaceAll((k, v) -> Set.copyOf(v));
        return Map.copyOf(m);
    }

    /** Why {@code by} may not move {@code incident} to {@code to}, or empty when the change is allowed. */
    public static Optional<String> refusal(Incident incident, VerificationStatus to, String by) {
        VerificationStatus from = incident.status();
        String it = "incident " + incident.id();
        if (from == to) {
            return Optional.of(it + " is already " + to.label());
        }
        if (!ALLOWED.get(from).contains(to)) {
            return Optional.of(it + " cannot go from " + from.label() + " to " + to.label() + "; from "
                    + from.label() + " it can go to " + labels(ALLOWED.get(from)));
        }
        if (to == CORROBORATED && incident.independence().count() < CORROBORATING_SOURCES) {
            return Optional.of(it + " cannot be corroborated: it needs " + CORROBORATING_SOURCES
                    + " independent sources and has " + incident.independence());
        }
        if (to == VERIFIED) {
            if (incident.createdBy().contains(by)) {
                return Optional.of(it + " cannot be verified by " + by + ", who created it (four eyes)");
            }
            for (Member m : incident.members()) {
                if (m.submittedBy().equals(by)) {
                    return Optional.of(it + " cannot be verified by " + by + ", who submitted its report "
                            + m.reportId() + " (four eyes)");
                }
            }
        }
        return Optional.empty();
    }

    private static String labels(Set<VerificationStatus> statuses) {
        return statuses.stream().sorted().map(VerificationStatus::label).collect(Collectors.joining(", "));
    }
}
