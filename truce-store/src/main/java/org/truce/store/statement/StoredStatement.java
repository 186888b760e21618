package org.truce.store.statement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A statement as kept: never changed after it was received.
 *
 * @param textSha256 SHA-256 of the UTF-8 bytes of {@code text}, 64 lowercase hex digits
 * @param size_bytes how many UTF-8 bytes the text has
 * @param text       the whole text; {@code null} in listings, which leave it out
 */
public record StoredStatement(long id, String sourceId, String outlet, String language, LocalDate published,
        Instant retrievedAt, Instant receivedAt, String url, String title, String textSha256, int size_bytes,
        String text) {
}
