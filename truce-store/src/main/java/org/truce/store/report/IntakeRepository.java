package org.truce.store.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.truce.assessment.Assessment;
import org.truce.store.Sha256;
import org.truce.store.finding.FindingBasis;
import org.truce.store.finding.FindingStatements;
import org.truce.store.finding.StoredFinding;
import org.truce.store.incident.IncidentSettings;
import org.truce.store.incident.IncidentStatements;
import org.truce.store.internal.Sql;
import org.truce.store.json.CanonicalJson;
import org.truce.store.record.RecordLogRepository;

/**
 * Reports posted one by one (the JSON API, the dashboard form), each under an idempotency key
 * chosen by the client. The same key with the same request gives back the first result and stores
 * nothing; the same key with a different request is refused with an
 * {@link IdempotencyConflictException} and stores nothing. "The same request" means the same
 * source and the same report content, compared by the SHA-256 of their canonical JSON, so the
 * spacing or key order of the posted JSON does not matter.
 */
public final class IntakeRepository {

    private static final int MAX_KEY_LENGTH = 200;

    private final Jdbi jdbi;
    private final Clock clock;
    private final IncidentSettings incidents;
    private final IntakeWriter writer;

    public IntakeRepository(Jdbi jdbi, Clock clock, IncidentSettings incidents, IntakeWriter writer) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.clock = clock;
        this.incidents = incidents;
    }

    public IntakeResult submit(String idempotencyKey, String sourceId, ReportContent content) {
        requireKey(idempotencyKey);
        String requestSha = requestSha256(sourceId, content);
        // Two first requests with one key at once: the later one fails on the key (or on the
        // report's external key), is rolled back whole, and on retry is answered as a replay.
        return Sql.inTransactionRetryingOnConflict(jdbi,
                h -> submit(h, idempotencyKey, requestSha, sourceId, content));
    }

    /**
     * Takes in one report with its findings, all or nothing: the source and the key are
     * checked in one query, the report is stored as an upsert (a new version when its content
     * changed) with its key, and, unless the request is a replay, its findings under
     * {@code basis} are replaced by {@code assessments} in one batch and the report is grouped
     * into an incident (see {@link IncidentStatements#place}), whose findings are updated. The answer is built from what
     * was written, not read back. A replay stores nothing and gives the findings as they stand.
     * The intake writer stores it under a savepoint of its own, in a transaction it may share
     * with other requests waiting at the same moment ({@link IntakeWriter}); this returns after
     * that transaction has committed.
     *
     * @throws UnknownSourceException when the source is not registered (before the key is looked at)
     * @throws IdempotencyConflictException when the key was used for another request
     */
    public AssessedIntake submitAssessed(String idempotencyKey, String sourceId, ReportContent content,
            FindingBasis basis, List<Assessment> assessments) {
        return writer.write(assessedWork(new AssessedRequest(idempotencyKey, sourceId, content, assessments), basis));
    }

    /**
     * Hands in several requests at once: they are written in one transaction, in this order, each
     * under its own savepoint, exactly as if each had been submitted alone at the same moment (a
     * later one sees an earlier one's key and report). Each answer completes once the transaction
     * has committed, or with the request's own exception, which leaves nothing of it stored.
     *
     * @throws IllegalArgumentException when a key is blank or too long (then nothing is handed in)
     */
    public List<CompletableFuture<AssessedIntake>> submitAssessedTogether(FindingBasis basis,
            List<AssessedRequest> requests) {
        List<Function<Handle, AssessedIntake>> works = new ArrayList<>();
        for (AssessedRequest r : requests) {
            works.add(assessedWork(r, basis));
        }
        return writer.writeAll(works);
    }

    /** How many transactions the intake writer has committed, and how many intakes they held. */
    public IntakeBatches batches() {
        return writer.counts();
    }

    /** One assessed intake request: the report as posted and what the engine found. */
    public record AssessedRequest(String idempotencyKey, String sourceId, ReportContent content,
            List<Assessment> assessments) {

        public AssessedRequest {
            assessments = List.copyOf(assessments);
        }
    }

    /** Checks the key now, on the caller's thread; the returned work runs on the writer's handle. */
    private Function<Handle, AssessedIntake> assessedWork(AssessedRequest r, FindingBasis basis) {
        requireKey(r.idempotencyKey());
        String requestSha = requestSha256(r.sourceId(), r.content());
        return h -> writeAssessed(h, r.idempotencyKey(), requestSha, r.sourceId(), r.content(), basis,
                r.assessments());
    }

    private AssessedIntake writeAssessed(Handle h, String idempotencyKey, String requestSha, String sourceId,
            ReportContent content, FindingBasis basis, List<Assessment> assessments) {
        Lookup lookup = findWithSource(h, idempotencyKey, sourceId, content.externalId());
        Optional<Seen> seen = lookup.seen();
        if (seen.isPresent()) {
            if (!seen.get().requestSha256().equals(requestSha)) {
                throw new IdempotencyConflictException(idempotencyKey);
            }
            IntakeResult first = seen.get().result();
            return new AssessedIntake(first,
                    FindingStatements.listForReport(h, first.reportId(), basis.agreementId()),
                    IncidentStatements.incidentOf(h, first.reportId()).orElse(null));
        }
        Instant now = Sql.storable(clock.instant());
        // The record entries (report version, findings, incident) are appended last, in the
        // order made: the log's head row is then locked for the appends and the commit only.
        return RecordLogRepository.appendingLast(h, now, () -> {
            ImportOutcome outcome = ReportStatements.upsertKnownSource(h, sourceId, content,
                    "intake " + idempotencyKey, now, lookup.reportExists());
            insertKey(h, idempotencyKey, requestSha, outcome, now);
            List<StoredFinding> findings = FindingStatements.replace(h, outcome.reportId(),
                    content.externalId(), outcome.version(), basis, assessments, now,
                    outcome.effect() == ImportOutcome.Effect.CREATED);
            String incident = IncidentStatements.place(h, incidents, basis, outcome.reportId(), sourceId,
                    content.report(), assessments, now, outcome.effect() == ImportOutcome.Effect.CREATED);
            return new AssessedIntake(new IntakeResult(outcome.reportId(), outcome.version(), outcome.effect(),
                    false), findings, incident);
        });
    }

    /** What a key was used for, if it was. */
    public Optional<IntakeResult> find(String idempotencyKey) {
        return jdbi.withHandle(h -> find(h, idempotencyKey).map(Seen::result));
    }

    private IntakeResult submit(Handle h, String key, String requestSha, String sourceId, ReportContent content) {
        Optional<Seen> seen = find(h, key);
        if (seen.isPresent()) {
            if (!seen.get().requestSha256().equals(requestSha)) {
                throw new IdempotencyConflictException(key);
            }
            return seen.get().result();
        }
        Instant now = Sql.storable(clock.instant());
        ImportOutcome outcome = ReportStatements.upsert(h, sourceId, content, "intake " + key, now);
        insertKey(h, key, requestSha, outcome, now);
        return new IntakeResult(outcome.reportId(), outcome.version(), outcome.effect(), false);
    }

    private static void requireKey(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("an idempotency key has 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }

    private static void insertKey(Handle h, String key, String requestSha, ImportOutcome outcome, Instant now) {
        h.createUpdate("INSERT INTO intake_requests (idempotency_key, request_sha256, report_id, report_version, "
                        + "outcome, created_at) VALUES (:key, :sha, :report, :version, :outcome, :now)")
                .bind("key", key)
                .bind("sha", requestSha)
                .bind("report", outcome.reportId())
                .bind("version", outcome.version())
                .bind("outcome", outcome.effect().wireName())
                .bind("now", Sql.timestamp(now))
                .execute();
    }

    /**
     * The source, the key and the report in one round trip: no row when the source is unknown
     * (refused before the key is looked at, as a separate check would); otherwise the key's use,
     * if any, and whether the source has a report of this external id yet (most intakes bring a
     * new one, which then needs no look-up of its own).
     */
    private static Lookup findWithSource(Handle h, String key, String sourceId, String externalId) {
        List<Lookup> rows = h.createQuery("SELECT i.request_sha256, i.report_id, i.report_version, i.outcome, "
                        + "r.id AS existing_id FROM sources s LEFT JOIN intake_requests i ON i.idempotency_key = :key "
                        + "LEFT JOIN reports r ON r.source_id = s.id AND r.external_id = :external WHERE s.id = :source")
                .bind("key", key)
                .bind("source", sourceId)
                .bind("external", externalId)
                .map((rs, ctx) -> {
                    Optional<Seen> seen = rs.getString("request_sha256") == null ? Optional.empty()
                            : Optional.of(new Seen(rs.getString("request_sha256"), new IntakeResult(
                                    rs.getLong("report_id"), rs.getInt("report_version"),
                                    ImportOutcome.Effect.fromWireName(rs.getString("outcome")), true)));
                    rs.getLong("existing_id");
                    return new Lookup(seen, !rs.wasNull());
                })
                .list();
        if (rows.isEmpty()) {
            throw new UnknownSourceException(sourceId);
        }
        return rows.get(0);
    }

    private record Lookup(Optional<Seen> seen, boolean reportExists) {
    }

    private static Optional<Seen> find(Handle h, String key) {
        return h.createQuery("SELECT request_sha256, report_id, report_version, outcome FROM intake_requests "
                        + "WHERE idempotency_key = :key")
                .bind("key", key)
                .map((rs, ctx) -> new Seen(rs.getString("request_sha256"), new IntakeResult(rs.getLong("report_id"),
                        rs.getInt("report_version"), ImportOutcome.Effect.fromWireName(rs.getString("outcome")), true)))
                .findOne();
    }

    static String requestSha256(String sourceId, ReportContent content) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("source_id", sourceId);
        request.put("report", ReportJson.toMap(content));
        return Sha256.hex(CanonicalJson.write(request));
    }

    private record Seen(String requestSha256, IntakeResult result) {
    }
}
