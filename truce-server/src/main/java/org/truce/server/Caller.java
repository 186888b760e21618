package org.truce.server;

import java.util.EnumSet;
import java.util.Set;
import org.truce.access.Permission;
import org.truce.access.Role;

/**
 * Who is asking, as {@link AccessGate} found out: a signed-in account (by session cookie or API
 * token) or nobody ({@link #ANONYMOUS}, the public role).
 *
 * @param name      the account's name, also the {@code by} of the changes it makes
 * @param scope     what the credential may do; the role limits it further
 * @param via       {@code session}, {@code token} or {@code none}
 * @param csrfToken the session's CSRF token, which every write by cookie must send back; null otherwise
 * @param sessionSecret the session cookie's value, to end it on sign-out; null otherwise
 */
record Caller(String name, Role role, Set<Permission> scope, String via, String csrfToken, String sessionSecret) {

    static final Caller ANONYMOUS = new Caller("anonymous", Role.PUBLIC, EnumSet.allOf(Permission.class), "none",
            null, null);

    Caller {
        scope = Set.copyOf(scope);
    }

    boolean may(Permission p) {
        return role.may(p) && scope.contains(p);
    }

    boolean signedIn() {
        return !via.equals("none");
    }
}
