package org.truce.store.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.truce.access.Permission;

/** A token's scope as stored: permission wire names, sorted and comma-separated. */
final class AccessTokenScope {

    private AccessTokenScope() {
    }

    static String write(Set<Permission> scope) {
        return scope.stream().map(Permission::wireName).sorted().collect(Collectors.joining(","));
    }

    static Set<Permission> read(String text) {
        EnumSet<Permission> out = EnumSet.noneOf(Permission.class);
        if (!text.isEmpty()) {
            Arrays.stream(text.split(",")).map(s -> Permission.valueOf(s.toUpperCase(Locale.ROOT))).forEach(out::add);
        }
        return out;
    }
}
