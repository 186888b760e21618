package org.truce.store.access;

import java.time.Instant;

/**
 * A dashboard session: who, the CSRF token its writes must carry, and when it ends.
 *
 * @param secret the cookie's value; only known right after {@link SessionRepository#open}, null when found
 */
public record Session(String secret, Principal principal, String csrfToken, Instant expiresAt) {
}
