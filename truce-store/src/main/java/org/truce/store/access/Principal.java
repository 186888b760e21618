package org.truce.store.access;

import java.util.Set;
import org.truce.access.Permission;

/**
 * Who a request comes from, once its token or session is checked: the account and what this
 * credential may do (a token's scope; a session may do all its role allows).
 */
public record Principal(Account account, Set<Permission> scope, String via) {

    public Principal {
        scope = Set.copyOf(scope);
    }

    /** Allowed by the role and by the credential's scope. */
    public boolean may(Permission p) {
        return account.role().may(p) && scope.contains(p);
    }
}
