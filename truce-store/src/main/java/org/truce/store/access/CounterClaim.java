package org.truce.store.access;

import java.time.Instant;
import java.util.List;

/**
 * A party's liaison disputing an incident's finding under one commitment, with its text and the
 * evidence it offers (links, or SHA-256 digests of files it holds).
 */
public record CounterClaim(long id, String incidentId, String commitmentId, String party, String by, String text,
        List<String> evidence, Instant filedAt) {

    public CounterClaim {
        evidence = List.copyOf(evidence);
    }
}
