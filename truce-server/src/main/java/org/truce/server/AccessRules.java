package org.truce.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.truce.access.Permission;

/**
 * The one table that says, for every route of the API, what a caller needs and how its answer is
 * redacted. {@link AccessGate} checks it before each request; a route missing here is refused
 * to everyone (and {@code RoleMatrixTest} fails), so a new endpoint cannot go out unguarded.
 * To add an endpoint, add its line here.
 */
final class AccessRules {

    /** What a route needs. */
    sealed interface Need {
    }

    /** Anyone, signed in or not: signing in, the API description. */
    record Anyone() implements Need {
    }

    /** A permission of {@link Permission}'s table, for the role and for the credential's scope. */
    record Needs(Permission permission) implements Need {
    }

    /** One route: method, path template as registered, what it needs, where its views are. */
    record Rule(String method, String path, Need need, ViewShape shape) {
    }

    private static final String API = TruceServer.API;
    private static final Need ANYONE = new Anyone();

    private final Map<String, Rule> rules;

    private AccessRules(List<Rule> rules) {
        Map<String, Rule> m = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (m.put(r.method() + " " + r.path(), r) != null) {
                throw new IllegalStateException("two access rules for " + r.method() + " " + r.path());
            }
        }
        this.rules = Map.copyOf(m);
    }

    static AccessRules builtIn() {
        List<Rule> r = new ArrayList<>();
        // Signing in and out, and the API's description.
        r.add(rule("GET", "/session", ANYONE, ViewShape.VERBATIM));
        r.add(rule("POST", "/session", ANYONE, ViewShape.VERBATIM));
        r.add(rule("DELETE", "/session", ANYONE, ViewShape.VERBATIM));
        r.add(rule("GET", "/openapi.json", ANYONE, ViewShape.VERBATIM));
        r.add(rule("GET", "/map-settings", ANYONE, ViewShape.VERBATIM));
        // The agreement and its reference data: published, the same for everyone.
        r.add(read("/agreements", ViewShape.VERBATIM));
        r.add(read("/agreements/{id}", ViewShape.VERBATIM));
        r.add(read("/facilities", ViewShape.VERBATIM));
        r.add(read("/zones", ViewShape.VERBATIM));
        r.add(read("/timeline", ViewShape.VERBATIM));
        r.add(read("/exchanges", ViewShape.VERBATIM));
        // Statements are published texts.
        r.add(read("/statements", ViewShape.PAGE_OF_STATEMENTS));
        r.add(read("/statements/{id}", ViewShape.of("statement")));
        r.add(rule("POST", "/statements", needs(Permission.ADD_STATEMENT), ViewShape.VERBATIM));
        r.add(rule("POST", "/statements/{id}/extraction", needs(Permission.ADD_STATEMENT), ViewShape.VERBATIM));
        // Incidents: everyone, within the role's scope, redacted.
        r.add(read("/incidents", ViewShape.PAGE_OF_INCIDENTS));
        r.add(read("/incidents/{id}", ViewShape.INCIDENT));
        r.add(rule("POST", "/incidents/{id}/merge", needs(Permission.MERGE_OR_SPLIT_INCIDENT), ViewShape.INCIDENT));
        r.add(rule("POST", "/incidents/{id}/split", needs(Permission.MERGE_OR_SPLIT_INCIDENT), ViewShape.INCIDENT));
        r.add(rule("POST", "/incidents/{id}/verification", needs(Permission.CHANGE_VERIFICATION),
                ViewShape.INCIDENT));
        r.add(rule("POST", "/incidents/{id}/counter-claims", needs(Permission.FILE_COUNTER_CLAIM),
                ViewShape.VERBATIM));
        // Reports one by one, with their sources, findings and evidence: the mission's material.
        r.add(rule("GET", "/reports", needs(Permission.READ_REPORTS), ViewShape.PAGE_OF_REPORTS));
        r.add(rule("GET", "/reports/{id}", needs(Permission.READ_REPORTS), ViewShape.REPORT_DETAIL));
        r.add(rule("POST", "/reports", needs(Permission.SUBMIT_REPORT), ViewShape.REPORT_TAKEN));
        r.add(rule("POST", "/reports/{id}/evidence", needs(Permission.SUBMIT_REPORT), ViewShape.of("evidence")));
        r.add(rule("GET", "/evidence/{sha256}", needs(Permission.READ_REPORTS), ViewShape.VERBATIM));
        r.add(rule("GET", "/findings", needs(Permission.READ_REPORTS), ViewShape.PAGE_OF_FINDINGS));
        r.add(rule("GET", "/summary", needs(Permission.READ_REPORTS), ViewShape.VERBATIM));
        r.add(rule("GET", "/sources", needs(Permission.READ_REPORTS), ViewShape.of("source")));
        r.add(rule("POST", "/sources", needs(Permission.SUBMIT_REPORT), ViewShape.of("source")));
        // The tamper-evident record: hashes and ids, for anyone to check.
        r.add(read("/record/checkpoints/latest", ViewShape.VERBATIM));
        r.add(read("/record/entries/{index}", ViewShape.VERBATIM));
        r.add(read("/record/consistency", ViewShape.VERBATIM));
        // Guarantors countersign checkpoints (their key, checked against the checkpoint).
        r.add(rule("POST", "/record/checkpoints/{seq}/cosignatures", needs(Permission.SIGN_CHECKPOINT),
                ViewShape.VERBATIM));
        // Exports and the daily report: files, not JSON views, so PublicationResource makes them from
        // the record as the role may read it (RedactedRecord: the same Redaction and RecordScope).
        r.add(read("/exports/acled.csv", ViewShape.VERBATIM));
        r.add(read("/exports/reports.geojson", ViewShape.VERBATIM));
        r.add(read("/exports/record.json", ViewShape.VERBATIM));
        r.add(read("/daily-reports/{date}", ViewShape.VERBATIM));
        // Accounts, tokens and the access log.
        r.add(rule("GET", "/accounts", needs(Permission.MANAGE_ACCOUNTS), ViewShape.VERBATIM));
        r.add(rule("POST", "/accounts", needs(Permission.MANAGE_ACCOUNTS), ViewShape.VERBATIM));
        r.add(rule("GET", "/tokens", needs(Permission.MANAGE_ACCOUNTS), ViewShape.VERBATIM));
        r.add(rule("POST", "/tokens", needs(Permission.MANAGE_ACCOUNTS), ViewShape.VERBATIM));
        r.add(rule("POST", "/tokens/{id}/revoke", needs(Permission.MANAGE_ACCOUNTS), ViewShape.VERBATIM));
        r.add(rule("GET", "/access-log", needs(Permission.READ_ACCESS_LOG), ViewShape.VERBATIM));
        return new AccessRules(r);
    }

    /** The rule for a route as registered, such as {@code GET /api/v1/reports/{id}}. */
    Optional<Rule> find(String method, String path) {
        return Optional.ofNullable(rules.get(method + " " + path));
    }

    List<Rule> all() {
        return List.copyOf(rules.values());
    }

    private static Rule rule(String method, String path, Need need, ViewShape shape) {
        return new Rule(method, API + path, need, shape);
    }

    private static Rule read(String path, ViewShape shape) {
        return rule("GET", path, needs(Permission.READ_RECORD), shape);
    }

    private static Need needs(Permission p) {
        return new Needs(p);
    }
}
