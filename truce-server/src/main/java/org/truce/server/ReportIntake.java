package org.truce.server;

import java.util.List;
import org.truce.assessment.Assessment;
import org.truce.assessment.AssessmentEngine;
import org.truce.store.Database;
import org.truce.store.finding.FindingBasis;
import org.truce.store.finding.StoredFinding;
import org.truce.store.report.AssessedIntake;
import org.truce.store.report.IdempotencyConflictException;
import org.truce.store.report.ImportOutcome;
import org.truce.store.report.IntakeResult;
import org.truce.store.report.UnknownSourceException;

/**
 * Takes in one checked report: assesses it, then stores it under its idempotency key with its
 * findings in one database transaction. The assessment runs before anything is written, so a
 * report the engine cannot assess leaves nothing behind, and a failure inside the transaction
 * leaves nothing half-written. A replay (same key, same request) stores nothing and gives the
 * findings as they stand.
 */
final class ReportIntake {

    private final Database database;
    private final AssessmentEngine engine;
    private final FindingBasis basis;

    ReportIntake(Database database, AssessmentEngine engine, FindingBasis basis) {
        this.database = database;
        this.engine = engine;
        this.basis = basis;
    }

    /** What one intake request did, the report's current findings under the agreement, and its incident. */
    record Accepted(IntakeResult result, List<StoredFinding> findings, String incidentId) {

        /** 201 for a report seen for the first time, 200 for a replay or a new version of a known report. */
        int status() {
            return result.effect() == ImportOutcome.Effect.CREATED && !result.replayed() ? 201 : 200;
        }
    }

    Accepted submit(String idempotencyKey, ReportRequest request) {
        List<Assessment> assessments = engine.assess(request.content().report());
        try {
            AssessedIntake done = database.intake().submitAssessed(idempotencyKey, request.sourceId(),
                    request.content(), basis, assessments);
            return new Accepted(done.result(), done.findings(), done.incidentId());
        } catch (UnknownSourceException e) {
            throw ApiException.badRequest(ReportRequest.SOURCE_ID, "unknown source '" + request.sourceId()
                    + "'; register it first with POST /api/v1/sources");
        } catch (IdempotencyConflictException e) {
            throw ApiException.conflict(ReportResource.IDEMPOTENCY_KEY, "Idempotency-Key '" + idempotencyKey
                    + "' was already used for a different request; use a new key for a new request");
        }
    }
}
