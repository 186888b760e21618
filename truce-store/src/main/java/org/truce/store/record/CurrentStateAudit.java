package org.truce.store.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.truce.store.Sha256;
import org.truce.store.finding.FindingSetDigest;
import org.truce.store.json.JsonRead;

/**
 * The part of {@link RecordAudit} for the tables whose rows are replaced or moved rather than only
 * added: findings (a report's set is replaced on every assessment) and incidents (members move on
 * a merge or split, the status changes). An older entry of such a row records a state that is gone,
 * so only the latest entry of each report's findings, or of each incident, is compared with the rows;
 * the older ones are held by the tree. Incident history rows are only added, and each is compared
 * with its own entry, as are the verification changes with the history.
 */
final class CurrentStateAudit {

    private CurrentStateAudit() {
    }

    static void checkFindings(Handle h, TreeMap<Long, StoredEntry> entries, List<RecordProblem> problems) {
        Map<String, RecordedChange.Findings> rows = FindingSetDigest.fromRows(h);
        Map<String, StoredEntry> latest = new LinkedHashMap<>();
        for (StoredEntry e : entries.values()) {
            if (e.kind().equals("findings")) {
                latest.put(e.subject(), e);
            }
        }
        for (StoredEntry e : latest.values()) {
            JsonNode recorded;
            try {
                recorded = JsonRead.tree(e.entryText());
            } catch (IllegalStateException unreadable) {
                problems.add(new RecordProblem("entry " + e.index(), e.subject() + ": the entry does not read as JSON"));
                continue;
            }
            RecordedChange.Findings now = rows.get(e.subject());
            if (now == null) {
                now = FindingSetDigest.none(recorded.path("report_id").asLong(), recorded.path("agreement_id").asText());
            }
            if (!now.entryText().equals(e.entryText())) {
                problems.add(new RecordProblem("entry " + e.index(), e.subject() + ": the rows changed since they were"
                        + " recorded (recorded " + recorded.path("finding_count").asInt() + " finding(s), SHA-256 "
                        + abbreviated(recorded.path("findings_sha256").asText()) + ", the rows now give "
                        + now.findingCount() + ", " + abbreviated(now.findingsSha256()) + ")"));
            }
        }
        rows.keySet().stream().filter(subject -> !latest.containsKey(subject)).forEach(subject -> problems.add(
                new RecordProblem(subject, "not in the record (added without an entry)")));
    }

    static void checkIncidents(Handle h, TreeMap<Long, StoredEntry> entries, List<RecordProblem> problems) {
        TreeMap<Long, RecordedChange.Incident> historyRows = new TreeMap<>();
        h.createQuery("SELECT id, incident_id, operation, by_name, reason, details_json FROM incident_history")
                .map((rs, ctx) -> new RecordedChange.Incident(rs.getLong("id"), rs.getString("incident_id"),
                        rs.getString("operation"), rs.getString("by_name"), Sha256.hex(rs.getString("reason")),
                        Sha256.hex(rs.getString("details_json")), null, List.of(), List.of()))
                .forEach(r -> historyRows.put(r.historyId(), r));

        Map<Long, Long> seen = new HashMap<>();
        Map<String, Latest> latest = new TreeMap<>();
        for (StoredEntry e : entries.values()) {
            if (!e.kind().equals("incident")) {
                continue;
            }
            RecordedChange.Incident recorded;
            try {
                recorded = read(e.entryText());
            } catch (RuntimeException unreadable) {
                problems.add(new RecordProblem("entry " + e.index(), e.subject() + ": the entry does not read as an"
                        + " incident entry"));
                continue;
            }
            latest.put(recorded.incidentId(), new Latest(e.index(), recorded));
            RecordedChange.Incident row = historyRows.get(recorded.historyId());
            if (seen.putIfAbsent(recorded.historyId(), e.index()) != null) {
                problems.add(new RecordProblem("entry " + e.index(), e.subject() + ": recorded twice (also entry "
                        + seen.get(recorded.historyId()) + ")"));
            } else if (row == null) {
                problems.add(new RecordProblem("entry " + e.index(), e.subject() + ": history row missing (deleted)"));
            } else {
                List<String> changed = differences(recorded, row);
                if (!changed.isEmpty()) {
                    problems.add(new RecordProblem("entry " + e.index(), e.subject() + ": the history row changed"
                            + " since it was recorded (" + String.join(", ", changed) + ")"));
                }
            }
        }
        historyRows.values().stream().filter(r -> !seen.containsKey(r.historyId())).forEach(r -> problems.add(
                new RecordProblem(r.subject(), "not in the record (added without an entry)")));

        checkCurrentIncidents(h, latest, problems);
        checkVerifications(h, problems);
    }

    /** Each incident as it stands now against the state its latest entry recorded. */
    private static void checkCurrentIncidents(Handle h, Map<String, Latest> latest, List<RecordProblem> problems) {
        Map<String, String> status = new TreeMap<>();
        Map<String, List<String>> createdBy = new HashMap<>();
        h.createQuery("SELECT id, status, created_by FROM incidents").map((rs, ctx) -> new String[] {rs.getString(1),
                rs.getString(2), rs.getString(3)}).forEach(r -> {
                    status.put(r[0], r[1]);
                    createdBy.put(r[0], readCreators(r[2]));
                });
        Map<String, TreeSet<Long>> members = new HashMap<>();
        h.createQuery("SELECT incident_id, report_id FROM incident_members")
                .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getLong(2)})
                .forEach(r -> members.computeIfAbsent((String) r[0], k -> new TreeSet<>()).add((Long) r[1]));

        for (Map.Entry<String, Latest> l : latest.entrySet()) {
            String id = l.getKey();
            RecordedChange.Incident recorded = l.getValue().change();
            String where = "incident " + id;
            String since = " since entry " + l.getValue().index() + " (" + recorded.operation() + ")";
            String now = status.get(id);
            if (!Objects.equals(now, recorded.status())) {
                problems.add(new RecordProblem(where, (now == null ? "row missing (deleted)" : "status is " + now)
                        + ", the record says " + (recorded.status() == null ? "merged away" : recorded.status())
                        + since + ": changed without an entry"));
            }
            if (now != null && recorded.status() != null && !createdBy.get(id).equals(recorded.createdBy())) {
                problems.add(new RecordProblem(where, "created by " + createdBy.get(id) + ", the record says "
                        + recorded.createdBy() + since + ": changed without an entry"));
            }
            TreeSet<Long> removed = new TreeSet<>(recorded.memberReportIds());
            TreeSet<Long> added = members.getOrDefault(id, new TreeSet<>());
            removed.removeAll(added);
            added = new TreeSet<>(added);
            added.removeAll(recorded.memberReportIds());
            for (long r : removed) {
                problems.add(new RecordProblem(where, "report " + r + " is no longer a member" + since
                        + ": membership changed without an entry"));
            }
            for (long r : added) {
                problems.add(new RecordProblem(where, "report " + r + " is a member without an entry"));
            }
        }
        status.keySet().stream().filter(id -> !latest.containsKey(id)).forEach(id -> problems.add(
                new RecordProblem("incident " + id, "not in the record (added without an entry)")));
    }

    /**
     * incident_verifications repeats each status_changed history row (from, to, who, why), which the
     * entries cover; the two must agree, row for row in order, per incident.
     */
    private static void checkVerifications(Handle h, List<RecordProblem> problems) {
        Map<String, List<String[]>> history = new HashMap<>();
        h.createQuery("SELECT incident_id, by_name, reason, details_json FROM incident_history "
                        + "WHERE operation = 'status_changed' ORDER BY id")
                .map((rs, ctx) -> {
                    JsonNode details = JsonRead.tree(rs.getString("details_json"));
                    return new String[] {rs.getString("incident_id"), details.path("from").asText(),
                            details.path("to").asText(), rs.getString("by_name"), rs.getString("reason")};
                })
                .forEach(r -> history.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r));
        Map<String, Integer> used = new HashMap<>();
        h.createQuery("SELECT id, incident_id, from_status, to_status, by_name, reason FROM incident_verifications "
                        + "ORDER BY id")
                .map((rs, ctx) -> new String[] {rs.getString("incident_id"), rs.getString("from_status"),
                        rs.getString("to_status"), rs.getString("by_name"), rs.getString("reason"),
                        Long.toString(rs.getLong("id"))})
                .list()
                .forEach(v -> {
                    String where = "verification change " + v[5] + " (incident " + v[0] + ")";
                    int n = used.merge(v[0], 1, Integer::sum) - 1;
                    List<String[]> recorded = history.getOrDefault(v[0], List.of());
                    if (n >= recorded.size()) {
                        problems.add(new RecordProblem(where, "no status change in the recorded history matches it"
                                + " (added without an entry)"));
                        return;
                    }
                    String[] r = recorded.get(n);
                    List<String> changed = new ArrayList<>();
                    compare(changed, "from", r[1], v[1]);
                    compare(changed, "to", r[2], v[2]);
                    compare(changed, "by", r[3], v[3]);
                    compare(changed, "reason", Sha256.hex(r[4]), Sha256.hex(v[4]));
                    if (!changed.isEmpty()) {
                        problems.add(new RecordProblem(where, "differs from the recorded status change ("
                                + String.join(", ", changed) + ")"));
                    }
                });
        history.forEach((id, recorded) -> {
            for (int n = used.getOrDefault(id, 0); n < recorded.size(); n++) {
                problems.add(new RecordProblem("incident " + id, "the recorded status change to " + recorded.get(n)[2]
                        + " has no row in incident_verifications (deleted)"));
            }
        });
    }

    private static List<String> differences(RecordedChange.Incident recorded, RecordedChange.Incident row) {
        List<String> changed = new ArrayList<>();
        compare(changed, "incident", recorded.incidentId(), row.incidentId());
        compare(changed, "operation", recorded.operation(), row.operation());
        compare(changed, "by", recorded.by(), row.by());
        compare(changed, "reason", recorded.reasonSha256(), row.reasonSha256());
        compare(changed, "details", recorded.detailsSha256(), row.detailsSha256());
        return changed;
    }

    private static void compare(List<String> changed, String field, String recorded, String now) {
        if (!Objects.equals(recorded, now)) {
            boolean digest = Sha256.isHex(recorded) && Sha256.isHex(now);
            changed.add(digest ? "the " + field + " changed" : field + " " + recorded + " is now " + now);
        }
    }

    /** An incident entry read back from its canonical text. */
    private static RecordedChange.Incident read(String entryText) {
        JsonNode e = JsonRead.tree(entryText);
        List<Long> members = new ArrayList<>();
        e.path("member_report_ids").forEach(n -> members.add(n.asLong()));
        if (!e.path("history_id").canConvertToLong()) {
            throw new IllegalStateException("no history_id");
        }
        List<String> creators = new ArrayList<>();
        e.path("created_by").forEach(n -> creators.add(n.asText()));
        return new RecordedChange.Incident(e.path("history_id").asLong(), JsonRead.text(e, "incident_id"),
                JsonRead.text(e, "operation"), JsonRead.text(e, "by"), JsonRead.text(e, "reason_sha256"),
                JsonRead.text(e, "details_sha256"), JsonRead.textOrNull(e, "status"), creators, members);
    }

    /** The created_by column: a JSON array of names; a value that does not read is named as what it is. */
    private static List<String> readCreators(String json) {
        List<String> names = new ArrayList<>();
        try {
            JsonRead.tree(json).forEach(n -> names.add(n.asText()));
        } catch (IllegalStateException unreadable) {
            return List.of(json);
        }
        return names;
    }

    private static String abbreviated(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "..." : sha;
    }

    private record Latest(long index, RecordedChange.Incident change) {
    }
}
