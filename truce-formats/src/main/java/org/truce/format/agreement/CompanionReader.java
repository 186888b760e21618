package org.truce.format.agreement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.truce.agreement.Agreement;
import org.truce.agreement.SourceRef;
import org.truce.agreement.Statement;

/**
 * What the files beside an agreement (exchanges.json, timeline.json) read the same way: the
 * agreement they belong to, statements of their own, and source references that may point to
 * those or to the agreement's statements. Every problem is recorded with its path; reading goes on.
 */
abstract class CompanionReader {

    private static final Set<String> STATEMENT = fields("id", "source", "language", "published", "location");
    private static final Set<String> SOURCE = fields("statement", "sentence", "note");

    final Problems problems;
    final Agreement agreement;
    private final Map<String, JsonPath> ownStatements = new HashMap<>();
    private final List<Located> statementRefs = new ArrayList<>();

    CompanionReader(Problems problems, Agreement agreement) {
        this.problems = problems;
        this.agreement = agreement;
    }

    /** The file names the agreement it belongs to; a file copied into the wrong folder is caught here. */
    void agreementId(ObjectFields top) {
        String id = top.id("agreement", true);
        if (id != null && !id.equals(agreement.id())) {
            problems.add(top.path("agreement"), "this file belongs to agreement \"" + id + "\", but the agreement"
                    + " read with it is \"" + agreement.id() + "\"");
        }
    }

    List<Statement> statements(ObjectFields top) {
        return top.objects("statements", false, "statement", this::statement);
    }

    private Statement statement(ObjectFields o) {
        int before = problems.count();
        o.allowOnly(STATEMENT, "a statement");
        String id = o.id("id", true);
        String source = o.text("source", true);
        String language = o.text("language", false);
        LocalDate published = o.date("published", false);
        String location = o.text("location", false);
        if (id != null) {
            boolean inAgreement = agreement.statements().stream().anyMatch(s -> s.id().equals(id));
            JsonPath earlier = ownStatements.putIfAbsent(id, o.path("id"));
            if (inAgreement || earlier != null) {
                problems.add(o.path("id"), "duplicate statement id \"" + id + "\"; already declared "
                        + (inAgreement ? "in the agreement" : "at " + earlier.display()));
            }
        }
        return problems.count() > before ? null
                : build(o.path(), () -> new Statement(id, source, language, published, location));
    }

    SourceRef source(ObjectFields parent, boolean required) {
        ObjectFields o = parent.object("source", required, "source");
        if (o == null) {
            return null;
        }
        int before = problems.count();
        o.allowOnly(SOURCE, "a source");
        String statement = o.id("statement", true);
        if (statement != null) {
            statementRefs.add(new Located(o.path("statement"), statement));
        }
        Integer sentence = o.integer("sentence", false, 1);
        String note = o.text("note", false);
        return problems.count() > before ? null : build(o.path(), () -> new SourceRef(statement, sentence, note));
    }

    /** Once the whole file is read: every statement referred to is the agreement's or the file's own. */
    void checkStatementRefs() {
        Set<String> known = new LinkedHashSet<>();
        agreement.statements().forEach(s -> known.add(s.id()));
        known.addAll(ownStatements.keySet());
        for (Located r : statementRefs) {
            if (!known.contains(r.value())) {
                problems.add(r.at(), "unknown statement \"" + r.value() + "\"; expected one declared under statements"
                        + " here or in the agreement" + (known.isEmpty() ? " (none declared)"
                                : ": " + String.join(", ", known.stream().sorted().toList())));
            }
        }
    }

    /** Runs a core constructor; its check failures become problems at the value's path. */
    <T> T build(JsonPath at, Supplier<? extends T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            problems.add(at, "invalid: " + e.getMessage());
            return null;
        }
    }

    static Set<String> fields(String... names) {
        return new LinkedHashSet<>(Arrays.asList(names));
    }

    record Located(JsonPath at, String value) {
    }
}
