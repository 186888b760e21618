package org.truce.store.access;

import java.time.Instant;
import java.util.Set;
import org.truce.access.Permission;

/**
 * An API token as listed to an admin: never its secret, which is shown once when issued.
 *
 * @param scope what the token may do, within what its account's role allows
 */
public record ApiToken(long id, String accountName, String label, Set<Permission> scope, Instant createdAt,
        Instant revokedAt) {

    public ApiToken {
        scope = Set.copyOf(scope);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
