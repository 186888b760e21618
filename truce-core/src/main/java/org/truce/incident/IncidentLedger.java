package org.truce.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The current incidents, the redirects from merged-away ids, and the history of every operation
 * (who, when, why). Immutable: each operation returns a new ledger; a refused one throws
 * {@link OperationRefused} and changes nothing. Incident ids given to any method may be old ones:
 * they are resolved first.
 */
public final class IncidentLedger {

    private final Map<String, Incident> current;
    private final Map<String, String> redirects;
    private final List<LedgerEntry> entries;

    private IncidentLedger(Map<String, Incident> current, Map<String, String> redirects, List<LedgerEntry> entries) {
        this.current = Map.copyOf(current);
        this.redirects = Map.copyOf(redirects);
        this.entries = List.copyOf(entries);
    }

    /** A ledger holding {@code incidents}, each recorded as created by {@code by}. */
    public static IncidentLedger of(List<Incident> incidents, String by, Instant at, String why) {
        Map<String, Incident> current = new TreeMap<>();
        Map<String, String> reportHome = new HashMap<>();
        List<LedgerEntry> entries = new ArrayList<>();
        List<Incident> sorted = new ArrayList<>(incidents);
        sorted.sort(java.util.Comparator.comparing(Incident::id));
        for (Incident i : sorted) {
            if (current.put(i.id(), i) != null) {
                throw new IllegalArgumentException("incident id " + i.id() + " appears twice");
            }
            for (String r : i.reportIds()) {
                String other = reportHome.put(r, i.id());
                if (other != null) {
                    throw new IllegalArgumentException("report " + r + " is in incidents " + other + " and " + i.id());
                }
            }
            entries.add(new LedgerEntry(entries.size() + 1, by, at, why,
                    new Operation.Created(i.id(), i.reportIds())));
        }
        return new IncidentLedger(current, Map.of(), entries);
    }

    /** The current id for {@code id}: itself, or where its merges lead. */
    public String resolve(String id) {
        String at = id;
        while (redirects.containsKey(at)) {
            at = redirects.get(at);
        }
        if (!current.containsKey(at)) {
            throw new OperationRefused("no incident " + id);
        }
        return at;
    }

    /** The incident {@code id} is now, following redirects. */
    public Incident incident(String id) {
        return current.get(resolve(id));
    }

    /** The current incidents, sorted by id. */
    public List<Incident> incidents() {
        return current.values().stream().sorted(java.util.Comparator.comparing(Incident::id)).toList();
    }

    /** Old id → the id it was merged into (one step; {@link #resolve} follows the chain). */
    public Map<String, String> redirects() {
        return new TreeMap<>(redirects);
    }

    public List<LedgerEntry> entries() {
        return entries;
    }

    /** The entries concerning the incident {@code id} is now, or any incident merged into it, oldest first. */
    public List<LedgerEntry> history(String id) {
        Set<String> lineage = lineage(resolve(id));
        return entries.stream().filter(e -> e.operation().incidentIds().stream().anyMatch(lineage::contains)).toList();
    }

    private Set<String> lineage(String currentId) {
        Set<String> ids = new TreeSet<>(Set.of(currentId));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, String> r : redirects.entrySet()) {
                if (ids.contains(r.getValue()) && ids.add(r.getKey())) {
                    grew = true;
                }
            }
        }
        return ids;
    }

    /**
     * Merges {@code absorbedId} into {@code survivorId}; the absorbed id redirects to the survivor.
     * The merged incident takes the weaker status of the two (reported &lt; corroborated &lt;
     * verified), or disputed when either was disputed or refuted.
     */
    public IncidentLedger merge(String survivorId, String absorbedId, String by, Instant at, String why) {
        Incident survivor = incident(survivorId);
        Incident absorbed = incident(absorbedId);
        if (survivor.id().equals(absorbed.id())) {
            throw new OperationRefused("incidents " + survivorId + " and " + absorbedId + " are already one: "
                    + survivor.id());
        }
        if (survivor.family() != absorbed.family()) {
            throw new OperationRefused("cannot merge " + absorbed.id() + " (" + absorbed.family() + ") into "
                    + survivor.id() + " (" + survivor.family() + "): an incident has one event family");
        }
        VerificationStatus status = mergedStatus(survivor.status(), absorbed.status());
        LedgerEntry entry = entry(by, at, why, new Operation.Merged(survivor.id(), absorbed.id(), status));
        List<Member> members = new ArrayList<>(survivor.members());
        for (Member m : absorbed.members()) {
            members.add(m.reason() instanceof JoinReason.Anchor
                    ? m.withReason(new JoinReason.MergedIn(absorbed.id(), by, why)) : m);
        }
        SortedSet<String> createdBy = new TreeSet<>(survivor.createdBy());
        createdBy.addAll(absorbed.createdBy());
        Map<String, Incident> next = new HashMap<>(current);
        next.remove(absorbed.id());
        next.put(survivor.id(), new Incident(survivor.id(), members, status, createdBy));
        Map<String, String> nextRedirects = new HashMap<>(redirects);
        nextRedirects.put(absorbed.id(), survivor.id());
        return new IncidentLedger(next, nextRedirects, append(entry));
    }

    /**
     * Splits {@code reportIds} off {@code incidentId} into a new incident, which starts
     * {@code reported} and is created by {@code by}; its id is {@code INC-<smallest moved report id>}
     * (with {@code -2}, {@code -3}... when that id was used before). The old incident keeps its id
     * and the other reports; a corroborated or verified one drops to reported when it is left
     * with fewer than two independent sources.
     */
    public IncidentLedger split(String incidentId, Collection<String> reportIds, String by, Instant at, String why) {
        Incident from = incident(incidentId);
        Set<String> moving = new TreeSet<>(reportIds);
        if (moving.isEmpty()) {
            throw new OperationRefused("name the reports to split off incident " + from.id());
        }
        for (String r : moving) {
            if (!from.contains(r)) {
                throw new OperationRefused("report " + r + " is not in incident " + from.id());
            }
        }
        if (moving.size() == from.members().size()) {
            throw new OperationRefused("incident " + from.id() + " must keep at least one report; to move all "
                    + "of them, there is nothing to split");
        }
        String newId = freshId(IncidentGrouper.ID_PREFIX + moving.iterator().next());
        List<Member> kept = new ArrayList<>();
        List<Member> moved = new ArrayList<>();
        for (Member m : from.members()) {
            if (moving.contains(m.reportId())) {
                moved.add(m.withReason(new JoinReason.SplitOff(from.id(), by, why)));
            } else {
                kept.add(m);
            }
        }
        Incident rest = new Incident(from.id(), kept, from.status(), from.createdBy());
        VerificationStatus restStatus = from.status();
        if ((restStatus == VerificationStatus.CORROBORATED || restStatus == VerificationStatus.VERIFIED)
                && rest.independence().count() < Verification.CORROBORATING_SOURCES) {
            restStatus = VerificationStatus.REPORTED;
        }
        LedgerEntry entry = entry(by, at, why, new Operation.Split(from.id(), newId, List.copyOf(moving), restStatus));
        Map<String, Incident> next = new HashMap<>(current);
        next.put(from.id(), rest.withStatus(restStatus));
        next.put(newId, new Incident(newId, moved, VerificationStatus.REPORTED, new TreeSet<>(Set.of(by))));
        return new IncidentLedger(next, redirects, append(entry));
    }

    /** Changes the verification status, if {@link Verification} allows it. */
    public IncidentLedger changeStatus(String incidentId, VerificationStatus to, String by, Instant at, String why) {
        Incident incident = incident(incidentId);
        LedgerEntry entry = entry(by, at, why, new Operation.StatusChanged(incident.id(), incident.status(), to));
        Verification.refusal(incident, to, by).ifPresent(reason -> {
            throw new OperationRefused(reason);
        });
        Map<String, Incident> next = new HashMap<>(current);
        next.put(incident.id(), incident.withStatus(to));
        return new IncidentLedger(next, redirects, append(entry));
    }

    private static VerificationStatus mergedStatus(VerificationStatus a, VerificationStatus b) {
        if (a == VerificationStatus.DISPUTED || a == VerificationStatus.REFUTED
                || b == VerificationStatus.DISPUTED || b == VerificationStatus.REFUTED) {
            return VerificationStatus.DISPUTED;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }

    private String freshId(String wanted) {
        String id = wanted;
        for (int n = 2; current.containsKey(id) || redirects.containsKey(id); n++) {
            id = wanted + "-" + n;
        }
        return id;
    }

    private LedgerEntry entry(String by, Instant at, String why, Operation op) {
        return new LedgerEntry(entries.size() + 1, by, at, why, op);
    }

    private List<LedgerEntry> append(LedgerEntry e) {
        List<LedgerEntry> next = new ArrayList<>(entries);
        next.add(e);
        return next;
    }
}
