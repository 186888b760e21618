package org.truce.store.record;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.truce.record.EntryJson;
import org.truce.store.Sha256;

/**
 * One change the record keeps, as the log entry that records it. An entry holds ids and SHA-256
 * digests, not the content itself: the content stays in its own table (report_versions.content_json,
 * statements.body), the digest binds it to the log, and a bundle handed to a party carries no
 * report text it was not meant to see. Whoever holds the content can hash it and compare.
 */
public sealed interface RecordedChange {

    /** The entry's {@code kind} member, also stored in record_entries.kind. */
    String kind();

    /** The row this entry records, in words: stored with the entry and used in verify's messages. */
    String subject();

    /** The members of the entry besides {@code kind}. */
    Map<String, Object> members();

    /** The canonical JSON text that is hashed into the log. */
    default String entryText() {
        Map<String, Object> entry = new LinkedHashMap<>(members());
        entry.put("kind", kind());
        return EntryJson.canonical(entry);
    }

    /** A new version of a report (created, updated, deleted, restored) with the digest of its content. */
    record ReportVersion(long reportId, int version, String change, String contentSha256) implements RecordedChange {

        @Override
        public String kind() {
            return "report_version";
        }

        @Override
        public String subject() {
            return "report " + reportId + " version " + version;
        }

        @Override
        public Map<String, Object> members() {
            return Map.of("report_id", reportId, "version", version, "change", change,
                    "content_sha256", contentSha256);
        }
    }

    /**
     * A file or link attached to a report; a link fetched without a copy has no digest. The entry
     * is readable by everyone (parties check proofs with it), and the catalog calls an evidence
     * location secret: a file name or URL can lead to who took it. So the entry commits to the
     * location by {@code location_salted_sha256}, the SHA-256 of the item's random salt (kept in
     * its row, never published) and the location, which no one can test guesses against; with
     * the content's SHA-256, size and media type a changed row is still found by {@code truce verify}.
     *
     * <p>A row stored before the salt existed ({@code locationSalt} null, databases migrated from
     * before V7) was recorded with its location in clear, and is checked against that old entry:
     * a log's entries cannot be rewritten without invalidating every checkpoint after them.
     */
    record Evidence(long evidenceId, long reportId, String itemKind, String location, String locationSalt,
            String sha256, Long size_bytes, String mediaType) implements RecordedChange {

        @Override
        public String kind() {
            return "evidence";
        }

        @Override
        public String subject() {
            return "evidence item " + evidenceId;
        }

        @Override
        public Map<String, Object> members() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("evidence_id", evidenceId);
            m.put("report_id", reportId);
            m.put("item_kind", itemKind);
            m.put("sha256", sha256);
            if (locationSalt == null) {
                m.put("location", location); // the entry as written before V7
                return m;
            }
            m.put("location_salted_sha256", saltedSha256(locationSalt, location));
            m.put("size_bytes", size_bytes);
            m.put("media_type", mediaType);
            return m;
        }

        /** The hex SHA-256 of the UTF-8 text {@code salt + ":" + location}. */
        public static String saltedSha256(String salt, String location) {
            return Sha256.hex(salt + ":" + location);
        }
    }

    /** A statement received, by the digest of its text. */
    record Statement(long statementId, String sourceId, String textSha256) implements RecordedChange {

        @Override
        public String kind() {
            return "statement";
        }

        @Override
        public String subject() {
            return "statement " + statementId;
        }

        @Override
        public Map<String, Object> members() {
            return Map.of("statement_id", statementId, "source_id", sourceId, "text_sha256", textSha256);
        }
    }

    /**
     * A report's findings under one agreement, replaced as a whole: their number and the digest of
     * the set (see {@code FindingSetDigest}). One entry per replacement, not per finding: the set is
     * the unit that changes, and the log grows with reports, not with reports times commitments.
     * The latest entry of a report and agreement is what its current rows must give.
     */
    record Findings(long reportId, String agreementId, int findingCount, String findingsSha256)
            implements RecordedChange {

        @Override
        public String kind() {
            return "findings";
        }

        @Override
        public String subject() {
            return "findings of report " + reportId + " under agreement " + agreementId;
        }

        @Override
        public Map<String, Object> members() {
            return Map.of("report_id", reportId, "agreement_id", agreementId, "finding_count", findingCount,
                    "findings_sha256", findingsSha256);
        }
    }

    /**
     * One row of incident_history (created, joined, merged, absorbed, split, split_off,
     * status_changed) with the incident as it stands after the operation: its verification status
     * and who created it (the four-eyes rule reads both; {@code null} and empty once merged away),
     * and its member reports. The analyst's reason and the operation's details are kept as digests,
     * like a statement's text.
     */
    record Incident(long historyId, String incidentId, String operation, String by, String reasonSha256,
            String detailsSha256, String status, List<String> createdBy, List<Long> memberReportIds)
            implements RecordedChange {

        public Incident {
            createdBy = List.copyOf(createdBy);
            memberReportIds = List.copyOf(memberReportIds);
        }

        @Override
        public String kind() {
            return "incident";
        }

        @Override
        public String subject() {
            return "incident " + incidentId + " " + operation + " (history " + historyId + ")";
        }

        @Override
        public Map<String, Object> members() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("history_id", historyId);
            m.put("incident_id", incidentId);
            m.put("operation", operation);
            m.put("by", by);
            m.put("reason_sha256", reasonSha256);
            m.put("details_sha256", detailsSha256);
            if (status != null) {
                m.put("status", status);
                m.put("created_by", createdBy);
            }
            m.put("member_report_ids", memberReportIds);
            return m;
        }
    }

    /**
     * A party's counter-claim against an incident's finding, by the digests of its text and of its
     * evidence list (the claim itself stays in counter_claims).
     */
    record CounterClaim(long claimId, String incidentId, String commitmentId, String party, String textSha256,
            String evidenceSha256) implements RecordedChange {

        @Override
        public String kind() {
            return "counter_claim";
        }

        @Override
        public String subject() {
            return "counter-claim " + claimId;
        }

        @Override
        public Map<String, Object> members() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("counter_claim_id", claimId);
            m.put("incident_id", incidentId);
            m.put("commitment_id", commitmentId);
            m.put("party", party);
            m.put("text_sha256", textSha256);
            m.put("evidence_sha256", evidenceSha256);
            return m;
        }
    }

    /**
     * The agreement and reference data the service started on, when they differ from the last
     * basis recorded: every finding after this entry was computed on it.
     */
    record Basis(String agreementId, String agreementVersion, String referenceVersion) implements RecordedChange {

        @Override
        public String kind() {
            return "basis";
        }

        @Override
        public String subject() {
            return "agreement " + agreementId + " version " + agreementVersion + " on reference " + referenceVersion;
        }

        @Override
        public Map<String, Object> members() {
            return Map.of("agreement_id", agreementId, "agreement_version", agreementVersion,
                    "reference_version", referenceVersion);
        }
    }
}
