package org.truce.format.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.truce.agreement.Agreement;
import org.truce.agreement.CeasefireZone;
import org.truce.agreement.Commitment;
import org.truce.agreement.CommitmentKind;
import org.truce.agreement.CommitmentTerms;
import org.truce.agreement.Condition;
import org.truce.agreement.ExchangeStage;
import org.truce.agreement.NavigationSafetyArea;
import org.truce.agreement.Party;
import org.truce.agreement.PartyStatus;
import org.truce.agreement.Position;
import org.truce.agreement.PrisonerExchange;
import org.truce.agreement.ProcessMilestone;
import org.truce.agreement.SourceRef;
import org.truce.agreement.Stance;
import org.truce.agreement.Statement;
import org.truce.agreement.StrikeMoratorium;
import org.truce.agreement.Window;
import org.truce.agreement.WindowReading;

/**
 * Turns the JSON tree of an agreement file into an {@link Agreement}, checking it against the
 * format described in docs/agreement-format.md (and agreement.schema.json) by hand: each problem
 * is recorded with its path and reading goes on, so one run reports them all.
 */
final class AgreementReader {

    private static final Set<String> TOP = fields("$schema", "id", "title", "statements", "parties", "commitments",
            "positions");
    private static final Set<String> STATEMENT = fields("id", "source", "language", "published", "location");
    private static final Set<String> PARTY = fields("id", "name", "actor_names");
    private static final Set<String> PARTY_STATUS = fields("party", "stance", "since", "source");
    private static final Set<String> WINDOW = fields("label", "from", "until_exclusive", "stated_duration", "source");
    private static final Set<String> SOURCE = fields("statement", "sentence", "note");
    private static final Set<String> POSITION = fields("id", "party", "demand", "source");
    private static final Set<String> STAGE = fields("date", "per_side", "transfers", "source");
    private static final Set<String> TRANSFER = fields("from", "to", "persons", "who");
    private static final Set<String> COMMITMENT = fields("id", "kind", "title", "proposed_by", "parties",
            "from", "until_exclusive", "stated_duration", "windows", "conditions", "source");
    private static final Map<CommitmentKind, Set<String>> KIND_FIELDS = Map.of(
            CommitmentKind.STRIKE_MORATORIUM, fields("protected_category_prefix", "event_types", "radius_m"),
            CommitmentKind.CEASEFIRE_ZONE, fields("zone", "event_types", "buffer_m"),
            CommitmentKind.NAVIGATION_SAFETY_AREA, fields("zone", "event_types", "sub_event_types", "buffer_m",
                    "target_category_prefix", "radius_m"),
            CommitmentKind.PRISONER_EXCHANGE, fields("stages"),
            CommitmentKind.PROCESS_MILESTONE, fields("step", "description", "due"));

    private static final double MAX_DISTANCE_M = 1_000_000;

    private final Problems problems;
    /** References are checked once every id is known, since members may come in any order. */
    private final List<Ref> partyRefs = new ArrayList<>();
    private final List<Ref> statementRefs = new ArrayList<>();
    private final List<Ref> statementIds = new ArrayList<>();
    private final List<Ref> partyIds = new ArrayList<>();
    private final List<Ref> commitmentAndPositionIds = new ArrayList<>();

    AgreementReader(Problems problems) {
        this.problems = problems;
    }

    /** The agreement, or null when any problem was found. */
    Agreement read(JsonNode root) {
        ObjectFields top = ObjectFields.of(root, JsonPath.ROOT, problems, "an agreement");
        if (top == null) {
            return null;
        }
        top.allowOnly(TOP, "an agreement");
        String id = top.id("id", true);
        String title = top.text("title", false);
        List<Statement> statements = top.objects("statements", false, "statement", this::statement);
        List<Party> parties = top.objects("parties", false, "party", this::party);
        List<Commitment> commitments = top.objects("commitments", true, "commitment", this::commitment);
        List<Position> positions = top.objects("positions", false, "position", this::position);
        checkReferences();
        if (problems.count() > 0) {
            return null;
        }
        return build(JsonPath.ROOT, () -> new Agreement(id, title, statements, parties, commitments, positions));
    }

    private Statement statement(ObjectFields o) {
        int before = problems.count();
        o.allowOnly(STATEMENT, "a statement");
        String id = o.id("id", true);
        String source = o.text("source", true);
        String language = o.text("language", false);
        LocalDate published = o.date("published", false);
        String location = o.text("location", false);
        declare(statementIds, o.path("id"), id);
        return problems.count() > before ? null
                : build(o.path(), () -> new Statement(id, source, language, published, location));
    }

    private Party party(ObjectFields o) {
        int before = problems.count();
        o.allowOnly(PARTY, "a party");
        String id = o.id("id", true);
        String name = o.text("name", true);
        List<String> actorNames = o.texts("actor_names", false);
        declare(partyIds, o.path("id"), id);
        return problems.count() > before ? null : build(o.path(), () -> new Party(id, name, actorNames));
    }

    private Position position(ObjectFields o) {
        int before = problems.count();
        o.allowOnly(POSITION, "a position");
        String id = o.id("id", true);
        String party = partyRef(o, "party", true);
        String demand = o.text("demand", true);
        SourceRef source = source(o);
        declare(commitmentAndPositionIds, o.path("id"), id);
        return problems.count() > before ? null : build(o.path(), () -> new Position(id, party, demand, source));
    }

    private Commitment commitment(ObjectFields o) {
        int before = problems.count();
        CommitmentKind kind = o.choice("kind", true, wireNames(CommitmentKind.values(), CommitmentKind::wireName));
        Set<String> allowed = new LinkedHashSet<>(COMMITMENT);
        if (kind != null) {
            allowed.addAll(KIND_FIELDS.get(kind));
        } else {
            KIND_FIELDS.values().forEach(allowed::addAll); // kind already reported; avoid a second wave of noise
        }
        o.allowOnly(allowed, kind == null ? "a commitment" : "a " + kind.wireName() + " commitment");
        CommitmentTerms terms = terms(o);
        if (kind == null) {
            return null;
        }
        Supplier<Commitment> make = switch (kind) {
            case STRIKE_MORATORIUM -> strikeMoratorium(o, terms);
            case CEASEFIRE_ZONE -> ceasefireZone(o, terms);
            case NAVIGATION_SAFETY_AREA -> navigationSafetyArea(o, terms);
            case PRISONER_EXCHANGE -> prisonerExchange(o, terms);
            case PROCESS_MILESTONE -> processMilestone(o, terms);
        };
        return problems.count() > before ? null : build(o.path(), make);
    }

    private Supplier<Commitment> strikeMoratorium(ObjectFields o, CommitmentTerms terms) {
        List<String> prefixes = o.textOrTexts("protected_category_prefix", true);
        List<String> eventTypes = o.texts("event_types", true);
        Double radius = o.number("radius_m", true, 0, MAX_DISTANCE_M, "metres");
        requireWindow(o, "a strike_moratorium");
        return () -> new StrikeMoratorium(terms, prefixes, Set.copyOf(eventTypes), radius);
    }

    private Supplier<Commitment> ceasefireZone(ObjectFields o, CommitmentTerms terms) {
        String zone = o.id("zone", false);
        List<String> eventTypes = o.texts("event_types", true);
        Double buffer = o.number("buffer_m", true, 0, MAX_DISTANCE_M, "metres");
        requireWindow(o, "a ceasefire_zone");
        return () -> new CeasefireZone(terms, zone, Set.copyOf(eventTypes), buffer);
    }

    private Supplier<Commitment> navigationSafetyArea(ObjectFields o, CommitmentTerms terms) {
        String zone = o.id("zone", true);
        List<String> eventTypes = o.texts("event_types", true);
        List<String> subEventTypes = o.texts("sub_event_types", false);
        if (o.has("sub_event_types") && subEventTypes.isEmpty()) {
            problems.expected(o.path("sub_event_types"), "at least one sub-event type (leave the field out for all)",
                    o.get("sub_event_types"));
        }
        Double buffer = o.number("buffer_m", true, 0, MAX_DISTANCE_M, "metres");
        List<String> targets = o.textOrTexts("target_category_prefix", true);
        Double radius = o.number("radius_m", true, 0, MAX_DISTANCE_M, "metres");
        return () -> new NavigationSafetyArea(terms, zone, Set.copyOf(eventTypes), Set.copyOf(subEventTypes), targets,
                buffer, radius);
    }

    private Supplier<Commitment> prisonerExchange(ObjectFields o, CommitmentTerms terms) {
        List<ExchangeStage> stages = o.objects("stages", true, "exchange stage", this::stage);
        return () -> new PrisonerExchange(terms, stages);
    }

    private Supplier<Commitment> processMilestone(ObjectFields o, CommitmentTerms terms) {
        ProcessMilestone.Step step = o.choice("step", true,
                wireNames(ProcessMilestone.Step.values(), ProcessMilestone.Step::wireName));
        String description = o.text("description", true);
        LocalDate due = o.date("due", false);
        return () -> new ProcessMilestone(terms, step, description, due);
    }

    private ExchangeStage stage(ObjectFields o) {
        int before = problems.count();
        o.allowOnly(STAGE, "an exchange stage");
        LocalDate date = o.date("date", true);
        Integer perSide = o.integer("per_side", true, 0);
        List<ExchangeStage.Transfer> transfers = o.objects("transfers", false, "transfer", this::transfer);
        SourceRef source = source(o);
        return problems.count() > before ? null
                : build(o.path(), () -> new ExchangeStage(date, perSide, transfers, source));
    }

    private ExchangeStage.Transfer transfer(ObjectFields o) {
        int before = problems.count();
        o.allowOnly(TRANSFER, "a transfer");
        String from = partyRef(o, "from", true);
        String to = partyRef(o, "to", true);
        Integer persons = o.integer("persons", true, 1);
        String who = o.text("who", false);
        return problems.count() > before ? null
                : build(o.path(), () -> new ExchangeStage.Transfer(from, to, persons, who));
    }

    private CommitmentTerms terms(ObjectFields o) {
        int before = problems.count();
        String id = o.id("id", true);
        declare(commitmentAndPositionIds, o.path("id"), id);
        String title = o.text("title", false);
        List<String> proposedBy = new ArrayList<>();
        for (ObjectFields.Located p : o.idOrIds("proposed_by")) {
            partyRefs.add(new Ref(p.at(), p.value()));
            proposedBy.add(p.value());
        }
        List<PartyStatus> parties = o.objects("parties", false, "party stance", this::partyStatus);
        List<WindowReading> readings = readings(o);
        List<Condition> conditions = o.objects("conditions", false, "condition", this::condition);
        SourceRef source = source(o);
        return problems.count() > before ? null
                : build(o.path(), () -> new CommitmentTerms(id, title, proposedBy, parties, readings, conditions, source));
    }

    /** Either the shorthand from/until_exclusive (one "common" reading) or a list of readings. */
    private List<WindowReading> readings(ObjectFields o) {
        boolean shorthand = o.has("from") || o.has("until_exclusive") || o.has("stated_duration");
        if (shorthand && o.has("windows")) {
            problems.add(o.path("windows"), "give either windows or from/until_exclusive, not both");
            return List.of();
        }
        if (shorthand) {
            Window w = window(o);
            return w == null ? List.of() : List.of(new WindowReading(Agreement.COMMON_READING, w, null));
        }
        List<WindowReading> readings = o.objects("windows", false, "window", this::reading);
        return readings;
    }

    private WindowReading reading(ObjectFields o) {
        int before = problems.count();
        o.allowOnly(WINDOW, "a window");
        String label = o.id("label", true);
        if (label != null && !label.equals(Agreement.COMMON_READING)) {
            partyRefs.add(new Ref(o.path("label"), label));
        }
        Window window = window(o);
        SourceRef source = source(o);
        return problems.count() > before ? null : build(o.path(), () -> new WindowReading(label, window, source));
    }

    private Window window(ObjectFields o) {
        int before = problems.count();
        LocalDate from = o.date("from", true);
        LocalDate until = o.date("until_exclusive", false);
        String stated = o.text("stated_duration", false);
        if (from != null && until != null && !until.isAfter(from)) {
            problems.add(o.path("until_exclusive"),
                    "expected a date after from (" + from + "), found \"" + until + "\"");
        }
        return problems.count() > before ? null : build(o.path(), () -> new Window(from, until, stated));
    }

    private PartyStatus partyStatus(ObjectFields o) {
        int before = problems.count();
        o.allowOnly(PARTY_STATUS, "a party stance");
        String party = partyRef(o, "party", true);
        Stance stance = o.choice("stance", true, wireNames(Stance.values(), Stance::wireName));
        LocalDate since = o.date("since", false);
        SourceRef source = source(o);
        return problems.count() > before ? null : build(o.path(), () -> new PartyStatus(party, stance, since, source));
    }

    private Condition condition(ObjectFields o) {
        int before = problems.count();
        String kind = o.choice("kind", true, Map.of("reciprocity", "reciprocity", "stated", "stated"));
        if (kind == null) {
            return null;
        }
        if (kind.equals("reciprocity")) {
            o.allowOnly(fields("kind", "note"), "a reciprocity condition");
            String note = o.text("note", false);
            return problems.count() > before ? null : build(o.path(), () -> new Condition.Reciprocity(note));
        }
        o.allowOnly(fields("kind", "text"), "a stated condition");
        String text = o.text("text", true);
        return problems.count() > before ? null : build(o.path(), () -> new Condition.Stated(text));
    }

    private SourceRef source(ObjectFields parent) {
        ObjectFields o = parent.object("source", false, "source");
        if (o == null) {
            return null;
        }
        int before = problems.count();
        o.allowOnly(SOURCE, "a source");
        String statement = o.id("statement", true);
        if (statement != null) {
            statementRefs.add(new Ref(o.path("statement"), statement));
        }
        Integer sentence = o.integer("sentence", false, 1);
        String note = o.text("note", false);
        return problems.count() > before ? null : build(o.path(), () -> new SourceRef(statement, sentence, note));
    }

    /** The kinds assessed day by day need a window; the others (talks, an exchange) may have none. */
    private void requireWindow(ObjectFields o, String what) {
        JsonNode windows = o.get("windows");
        if (!o.has("from") && !o.has("until_exclusive") && windows == null) {
            problems.missing(o.path("from"), "a window (from and until_exclusive, or windows): " + what + " needs one");
        } else if (windows != null && windows.isArray() && windows.isEmpty()) {
            problems.expected(o.path("windows"), "at least one window (" + what + " needs one)", windows);
        }
    }

    private String partyRef(ObjectFields o, String name, boolean required) {
        String id = o.id(name, required);
        if (id != null) {
            partyRefs.add(new Ref(o.path(name), id));
        }
        return id;
    }

    private void declare(List<Ref> ids, JsonPath at, String id) {
        if (id != null) {
            ids.add(new Ref(at, id));
        }
    }

    private void checkReferences() {
        Set<String> parties = unique(partyIds, "party");
        Set<String> statements = unique(statementIds, "statement");
        unique(commitmentAndPositionIds, "commitment or position");
        for (Ref r : partyRefs) {
            if (!parties.contains(r.id())) {
                problems.add(r.at(), "unknown party \"" + r.id() + "\"; expected one of the ids under parties"
                        + (parties.isEmpty() ? " (none declared)" : ": " + String.join(", ", sorted(parties))));
            }
        }
        for (Ref r : statementRefs) {
            if (!statements.contains(r.id())) {
                problems.add(r.at(), "unknown statement \"" + r.id() + "\"; expected one of the ids under statements"
                        + (statements.isEmpty() ? " (none declared)" : ": " + String.join(", ", sorted(statements))));
            }
        }
    }

    /** The ids of one namespace; reports every repeat at the place it repeats. */
    private Set<String> unique(List<Ref> ids, String what) {
        Map<String, JsonPath> first = new HashMap<>();
        for (Ref r : ids) {
            JsonPath earlier = first.putIfAbsent(r.id(), r.at());
            if (earlier != null) {
                problems.add(r.at(), "duplicate " + what + " id \"" + r.id() + "\"; already used at " + earlier.display());
            }
        }
        return first.keySet();
    }

    /** Runs a core constructor; its check failures become problems at the value's path. */
    private <T> T build(JsonPath at, Supplier<? extends T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            problems.add(at, "invalid: " + e.getMessage());
            return null;
        }
    }

    private static List<String> sorted(Set<String> ids) {
        return ids.stream().sorted().toList();
    }

    private static Set<String> fields(String... names) {
        return new LinkedHashSet<>(Arrays.asList(names));
    }

    private static <E> Map<String, E> wireNames(E[] values, Function<E, String> wireName) {
        return Stream.of(values).collect(Collectors.toMap(wireName, v -> v, (a, b) -> a, LinkedHashMap::new));
    }

    private record Ref(JsonPath at, String id) {
    }
}
