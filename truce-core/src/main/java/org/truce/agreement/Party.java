package org.truce.agreement;

import java.util.List;
import java.util.Locale;

/**
 * A side to an agreement or a third party to it (a mediator). {@code actorNames} are the names
 * under which reports (ACLED {@code actor1}, {@code actor2}) name this party's forces; a report's
 * actor belongs to the party when it starts with one of them.
 */
public record Party(String id, String name, List<String> actorNames) {

    public Party {
        Require.id(id, "party id");
        Require.text(name, "party name");
        actorNames = List.copyOf(actorNames);
    }

    /** True when a report's actor field names this party's forces. */
    public boolean isActor(String actor) {
        if (actor == null || actor.isEmpty()) {
            return false;
        }
        String a = actor.toLowerCase(Locale.ROOT);
        for (String n : actorNames) {
            if (a.startsWith(n.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
