package org.truce.server;

import java.util.List;
import org.truce.assessment.Assessment;
import org.truce.assessment.AssessmentEngine;
import org.truce.store.Database;
import org.truce.store.finding.FindingBasis;
import org.truce.store.finding.StoredFinding;
import org.truce.store.report.IdempotencyConflictException;
import org.truce.store.report.ImportOutcome;
import org.truce.store.report.IntakeResult;

/**
 * Takes in one checked report: assesses it, stores it under its idempotency key, and stores its
 * findings. The assessment runs before anything is written, so a report the engine cannot assess
 * leaves nothing behind. A replay (same key, same request) stores nothing and gives the findings
 * as they stand.
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

    /** What one intake request did, and the report's current findings under the agreement. */
    record Accepted(IntakeResult result, List<StoredFinding> findings) {

        /** 201 for a report seen for the first time, 200 for a replay or a new version of a known report. */
        int status() {
            return result.effect() == ImportOutcome.Effect.CREATED && !result.replayed() ? 201 : 200;
        }
    }

    Accepted submit(String idempotencyKey, ReportRequest request) {
        if (database.sources().find(request.sourceId()).isEmpty()) {
            throw ApiException.badRequest(ReportRequest.SOURCE_ID, "unknown source '" + request.sourceId()
                    + "'; register it first with POST /api/v1/sources");
        }
        List<Assessment> assessments = engine.assess(request.content().report());
        IntakeResult result;
        try {
            result = database.intake().submit(idempotencyKey, request.sourceId(), request.content());
        } catch (IdempotencyConflictException e) {
            throw ApiException.conflict(ReportResource.IDEMPOTENCY_KEY, "Idempotency-Key '" + idempotencyKey
                    + "' was already used for a different request; use a new key for a new request");
        }
        if (!result.replayed()) {
            database.findings().replaceFindingsFor(result.reportId(), basis, assessments);
        }
        List<StoredFinding> findings = database.findings().listForReport(result.reportId()).stream()
                .filter(f -> f.basis().agreementId().equals(basis.agreementId()))
                .toList();
        return new Accepted(result, findings);
    }
}
