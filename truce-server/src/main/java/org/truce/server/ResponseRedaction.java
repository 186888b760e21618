package org.truce.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.truce.access.Redaction;
import org.truce.access.RecordScope;
import org.truce.access.Role;
import org.truce.incident.VerificationStatus;

/**
 * The one place where an answer of the API becomes what one role may read: each view found by
 * the route's {@link ViewShape} goes through {@link Redaction}, and incidents outside the role's
 * {@link RecordScope} are left out (a list) or not found (one incident). Endpoints never redact.
 */
final class ResponseRedaction {

    private final Redaction redaction;

    ResponseRedaction(Redaction redaction) {
        this.redaction = redaction;
    }

    /** The answer for {@code role}, or empty when the whole answer is an incident it may not see. */
    Optional<Object> apply(Object body, ViewShape shape, Role role) {
        if (shape.verbatim()) {
            return Optional.of(body);
        }
        return walk(body, shape, role);
    }

    private Optional<Object> walk(Object node, ViewShape shape, Role role) {
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                walk(item, shape, role).ifPresent(out::add);
            }
            return Optional.of(out);
        }
        if (!(node instanceof Map<?, ?> raw)) {
            return Optional.ofNullable(node);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) raw;
        if ("incident".equals(shape.view()) && !inScope(map, role)) {
            return Optional.empty();
        }
        Map<String, Object> own = new LinkedHashMap<>(map);
        Map<String, Object> children = new LinkedHashMap<>();
        for (String member : shape.nested().keySet()) {
            if (own.containsKey(member)) {
                children.put(member, own.remove(member));
            }
        }
        Map<String, Object> out = shape.view() == null ? own : redaction.apply(shape.view(), own, role).view();
        Map<String, Object> result = new LinkedHashMap<>(out);
        children.forEach((member, value) -> result.put(member,
                value == null ? null : walk(value, shape.nested().get(member), role).orElse(null)));
        return Optional.of(result);
    }

    /** An incident view says its status and, in its findings, the parties it concerns. */
    private static boolean inScope(Map<String, Object> incident, Role role) {
        // Without a known status an incident counts as unchecked: only the mission reads it.
        VerificationStatus status = VerificationStatus.REPORTED;
        for (VerificationStatus v : VerificationStatus.values()) {
            if (v.label().equals(incident.get("status"))) {
                status = v;
            }
        }
        Set<String> parties = new HashSet<>();
        if (incident.get("findings") instanceof List<?> findings) {
            for (Object f : findings) {
                if (f instanceof Map<?, ?> m && m.get("party") instanceof String p) {
                    parties.add(p);
                }
            }
        }
        return RecordScope.sees(role, status, parties);
    }
}
