package org.truce.server;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.truce.agreement.Agreement;
import org.truce.agreement.Commitment;
import org.truce.assessment.Outcome;
import org.truce.store.finding.FindingCount;

/**
 * The compliance summary: for each commitment assessed from reports, how many current findings
 * have each outcome, in all, per party, per recorded event day, and per day and party. A party of
 * {@code null} is a report whose actor the agreement attributes to no party.
 */
final class ComplianceSummary {

    private ComplianceSummary() {
    }

    static Map<String, Object> of(Agreement agreement, List<String> assessed, List<FindingCount> counts) {
        Map<String, List<FindingCount>> byCommitment = new LinkedHashMap<>();
        for (String id : assessed) {
            byCommitment.put(id, new ArrayList<>());
        }
        for (FindingCount c : counts) {
            byCommitment.computeIfAbsent(c.commitmentId(), k -> new ArrayList<>()).add(c);
        }
        List<Object> commitments = new ArrayList<>();
        for (Map.Entry<String, List<FindingCount>> e : byCommitment.entrySet()) {
            commitments.add(commitment(agreement, e.getKey(), e.getValue()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agreement_id", agreement.id());
        m.put("commitments", commitments);
        return m;
    }

    private static Map<String, Object> commitment(Agreement agreement, String id, List<FindingCount> counts) {
        long[] total = new long[Outcome.values().length];
        Map<String, long[]> byParty = new TreeMap<>();
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        Map<LocalDate, Map<String, long[]>> byDayAndParty = new TreeMap<>();
        for (FindingCount c : counts) {
            int o = c.outcome().ordinal();
            total[o] += c.count();
            byParty.computeIfAbsent(c.party(), k -> new long[total.length])[o] += c.count();
            byDay.computeIfAbsent(c.day(), k -> new long[total.length])[o] += c.count();
            byDayAndParty.computeIfAbsent(c.day(), k -> new TreeMap<>())
                    .computeIfAbsent(c.party(), k -> new long[total.length])[o] += c.count();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commitment_id", id);
        Commitment commitment = agreement.findCommitment(id).orElse(null);
        m.put("kind", commitment == null ? null : commitment.kind().wireName());
        m.put("title", commitment == null ? null : commitment.terms().title());
        m.put("total", outcomes(total));
        List<Object> parties = new ArrayList<>();
        byParty.forEach((party, n) -> parties.add(row("party", Views.party(party), null, null, n)));
        m.put("by_party", parties);
        List<Object> days = new ArrayList<>();
        byDay.forEach((day, n) -> days.add(row("day", day.toString(), null, null, n)));
        m.put("by_day", days);
        List<Object> dayParty = new ArrayList<>();
        byDayAndParty.forEach((day, perParty) -> perParty.forEach(
                (party, n) -> dayParty.add(row("day", day.toString(), "party", Views.party(party), n))));
        m.put("by_day_and_party", dayParty);
        return m;
    }

    private static Map<String, Object> row(String key, Object value, String key2, Object value2, long[] n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        if (key2 != null) {
            m.put(key2, value2);
        }
        m.putAll(outcomes(n));
        return m;
    }

    private static Map<String, Object> outcomes(long[] n) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            m.put(o.wireName(), n[o.ordinal()]);
        }
        return m;
    }
}
