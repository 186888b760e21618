package org.truce.store.access;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.truce.store.Sha256;
import org.truce.store.incident.IncidentStatements;
import org.truce.store.incident.NoSuchIncidentException;
import org.truce.store.internal.Sql;
import org.truce.store.json.CanonicalJson;
import org.truce.store.record.RecordLogRepository;
import org.truce.store.record.RecordedChange;

/**
 * Counter-claims. Filing one writes, in one transaction, the claim, a {@code counter_claim} line
 * in the incident's history and an entry in the tamper-evident record: either all three or none.
 * Whether the party may dispute this incident is the caller's rule (the party must be concerned).
 */
public final class CounterClaimRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final Clock clock;

    public CounterClaimRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** @throws NoSuchIncidentException when {@code incidentId} is no current incident */
    public CounterClaim file(String incidentId, String commitmentId, String party, String by, String text,
            List<String> evidence) {
        Instant now = Sql.storable(clock.instant());
        String evidenceJson = CanonicalJson.write(evidence);
        return jdbi.inTransaction(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM incidents WHERE id = :id").bind("id", incidentId)
                    .mapTo(Integer.class).one() == 1;
            if (!exists) {
                throw new NoSuchIncidentException(incidentId);
            }
            long id = h.createUpdate("INSERT INTO counter_claims (incident_id, commitment_id, party, by_name, claim_text,"
                            + " evidence_json, filed_at) VALUES (:i, :c, :p, :by, :t, :e, :now)")
                    .bind("i", incidentId)
                    .bind("c", commitmentId)
                    .bind("p", party)
                    .bind("by", by)
                    .bind("t", text)
                    .bind("e", evidenceJson)
                    .bind("now", Sql.timestamp(now))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("counter_claim_id", id);
            details.put("commitment_id", commitmentId);
            details.put("party", party);
            details.put("evidence", evidence);
            // The history row gets its incident entry, like every history row; the claim its own entry.
            IncidentStatements.history(h, incidentId, "counter_claim", by, text, details, now);
            RecordLogRepository.append(h, change(id, incidentId, commitmentId, party, text, evidenceJson), now);
            return new CounterClaim(id, incidentId, commitmentId, party, by, text, evidence, now);
        });
    }

    public List<CounterClaim> listFor(String incidentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM counter_claims WHERE incident_id = :i ORDER BY id")
                .bind("i", incidentId)
                .map((rs, ctx) -> new CounterClaim(rs.getLong("id"), rs.getString("incident_id"),
                        rs.getString("commitment_id"), rs.getString("party"), rs.getString("by_name"),
                        rs.getString("claim_text"), evidence(rs.getString("evidence_json")), Sql.instant(rs, "filed_at")))
                .list());
    }

    /** The record's entry for a claim row; the audit rebuilds it from the row the same way. */
    public static RecordedChange.CounterClaim change(long id, String incidentId, String commitmentId, String party,
            String text, String evidenceJson) {
        return new RecordedChange.CounterClaim(id, incidentId, commitmentId, party, Sha256.hex(text),
                Sha256.hex(evidenceJson));
    }

    private static List<String> evidence(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("a stored counter-claim's evidence is not a JSON list", e);
        }
    }
}
