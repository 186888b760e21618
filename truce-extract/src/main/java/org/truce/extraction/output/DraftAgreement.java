package org.truce.extraction.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.truce.agreement.Stance;
import org.truce.extraction.ExchangeCandidate;
import org.truce.extraction.Extraction;
import org.truce.extraction.Gazetteer;
import org.truce.extraction.MeasureCandidate;
import org.truce.extraction.MeasureKind;
import org.truce.extraction.PartyStance;
import org.truce.extraction.PositionCandidate;
import org.truce.extraction.Span;
import org.truce.format.agreement.AgreementFormatException;
import org.truce.format.agreement.AgreementJson;

/**
 * The candidates of one statement written as an agreement file (docs/agreement-format.md), titled
 * as a draft that needs review. Third parties' claims stay out of it; values the text cannot give
 * (event types, radius, buffer) are the example agreement's defaults and say so in their note.
 */
public final class DraftAgreement {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String STATEMENT_ID = "statement";

    /** Order in which one party's stances on merged candidates win: the strongest word stays. */
    private static final List<Stance> STRENGTH = List.of(Stance.ACCEPTED, Stance.REJECTED,
            Stance.ACCEPTED_IN_PRINCIPLE, Stance.PENDING, Stance.PROPOSED);

    private final Extraction extraction;
    private final Gazetteer gazetteer;
    private final String statementName;
    private final FormatSentences sentences;
    private final Set<String> parties = new LinkedHashSet<>();

    private DraftAgreement(Extraction extraction, Gazetteer gazetteer, String statementName) {
        this.extraction = extraction;
        this.gazetteer = gazetteer;
        this.statementName = statementName;
        this.sentences = new FormatSentences(extraction.text());
    }

    /**
     * The draft as JSON text, or empty when the statement gave no commitment candidate (the format
     * needs at least one). The text is checked with the format's own loader before it is returned.
     */
    public static Optional<String> render(Extraction extraction, Gazetteer gazetteer, String statementName) {
        return new DraftAgreement(extraction, gazetteer, statementName).render();
    }

    private Optional<String> render() {
        ArrayNode commitments = NODES.arrayNode();
        Map<String, List<MeasureCandidate>> grouped = new LinkedHashMap<>();
        for (MeasureCandidate m : extraction.measures()) {
            if (m.claimedBy().isPresent()) {
                continue;
            }
            String key = m.kind().isProcessStep() ? m.kind().wireName() + "#" + m.sentence()
                    : m.kind().wireName() + m.object().map(o -> ":" + o).orElse("");
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        Map<String, Integer> idCounts = new LinkedHashMap<>();
        for (List<MeasureCandidate> group : grouped.values()) {
            commitments.add(commitment(group, nextId(idCounts, idStem(group.get(0).kind()))));
        }
        for (ExchangeCandidate e : extraction.exchanges()) {
            if (e.claimedBy().isEmpty() && e.date().isPresent() && e.per_side().isPresent()) {
                commitments.add(exchange(e, nextId(idCounts, "prisoner-exchange")));
            }
        }
        if (commitments.isEmpty()) {
            return Optional.empty();
        }
        ArrayNode positions = NODES.arrayNode();
        int p = 0;
        for (PositionCandidate pos : extraction.positions()) {
            if (pos.claimedBy().isEmpty() && !pos.party().equals(PositionCandidate.UNKNOWN_PARTY)) {
                ObjectNode n = positions.addObject();
                n.put("id", "position-" + (++p));
                n.put("party", party(pos.party()));
                n.put("demand", pos.demand());
                n.set("source", source(pos.span(), pos.rule(), pos.confidence(), "demand of one party"));
            }
        }
        ObjectNode root = NODES.objectNode();
        root.put("id", "draft-" + slug(statementName));
        root.put("title", "DRAFT, needs review: candidates extracted automatically from " + statementName
                + "; confirm every entry against the text before use");
        ArrayNode statements = root.putArray("statements");
        ObjectNode statement = statements.addObject();
        statement.put("id", STATEMENT_ID);
        statement.put("source", statementName + " (read by truce extract; every entry is a candidate)");
        if (extraction.language() != org.truce.extraction.Language.OTHER) {
            statement.put("language", extraction.language().code());
        }
        statement.put("published", extraction.published().toString());
        statement.put("location", statementName);
        ArrayNode partyArray = root.putArray("parties");
        for (String id : parties) {
            ObjectNode n = partyArray.addObject();
            n.put("id", id);
            n.put("name", gazetteer.partyName(id));
            ArrayNode names = n.putArray("actor_names");
            gazetteer.partyActorNames(id).forEach(names::add);
        }
        root.set("commitments", commitments);
        if (!positions.isEmpty()) {
            root.set("positions", positions);
        }
        String json;
        try {
            json = JSON.writeValueAsString(root) + "\n";
            AgreementJson.parse(json, "draft-agreement.json");
        } catch (AgreementFormatException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the draft agreement does not pass the format's own check: "
                    + e.getMessage(), e);
        }
        return Optional.of(json);
    }

    private ObjectNode commitment(List<MeasureCandidate> group, String id) {
        MeasureCandidate first = group.get(0);
        ObjectNode n = NODES.objectNode();
        n.put("id", id);
        n.put("kind", switch (first.kind()) {
            case STRIKE_HALT -> "strike_moratorium";
            case CEASEFIRE -> "ceasefire_zone";
            case NAVIGATION_SAFETY -> "navigation_safety_area";
            case EXPERT_GROUP, TALKS, JOINT_INITIATIVE -> "process_milestone";
        });
        n.put("title", title(first));
        // Strongest stance per party over all candidates of the group.
        Map<String, PartyStance> byParty = new LinkedHashMap<>();
        Set<String> proposers = new LinkedHashSet<>();
        Set<String> addressed = new LinkedHashSet<>();
        for (MeasureCandidate m : group) {
            addressed.addAll(m.addressed());
            for (PartyStance s : m.stances()) {
                if (s.stance() == Stance.PROPOSED) {
                    proposers.add(s.party());
                    continue;
                }
                PartyStance known = byParty.get(s.party());
                if (known == null || STRENGTH.indexOf(s.stance()) < STRENGTH.indexOf(known.stance())) {
                    byParty.put(s.party(), s);
                }
            }
        }
        if (!proposers.isEmpty()) {
            ArrayNode by = n.putArray("proposed_by");
            proposers.forEach(p -> by.add(party(p)));
        }
        ArrayNode partyArray = NODES.arrayNode();
        for (PartyStance s : byParty.values()) {
            ObjectNode ps = partyArray.addObject();
            ps.put("party", party(s.party()));
            ps.put("stance", s.stance().wireName());
            s.since().ifPresent(d -> ps.put("since", d.toString()));
            ps.set("source", source(s.span(), s.rule(), s.confidence(), "stance of " + s.party()));
        }
        for (String a : addressed) {
            if (!byParty.containsKey(a) && !proposers.contains(a)) {
                ObjectNode ps = partyArray.addObject();
                ps.put("party", party(a));
                ps.put("stance", Stance.PENDING.wireName());
                ps.put("since", extraction.eventDay().toString());
                ps.set("source", source(first.span(), first.rule(), first.confidence(),
                        "asked to act; the text gives no answer of " + a));
            }
        }
        if (!partyArray.isEmpty()) {
            n.set("parties", partyArray);
        }
        if (!first.kind().isProcessStep()) {
            LocalDate from = group.stream().flatMap(m -> m.from().stream()).findFirst().orElse(extraction.eventDay());
            Optional<MeasureCandidate> timed = group.stream().filter(m -> m.duration_h().isPresent()).findFirst();
            ArrayNode windows = n.putArray("windows");
            ObjectNode w = windows.addObject();
            w.put("label", "common");
            w.put("from", from.toString());
            // An end the text states ("until 00:00 on 21 April") wins over one counted from a duration.
            Optional<LocalDate> statedEnd = group.stream().flatMap(m -> m.untilExclusive().stream())
                    .filter(from::isBefore).findFirst();
            statedEnd.ifPresent(end -> w.put("until_exclusive", end.toString()));
            timed.ifPresent(t -> {
                int hours = t.duration_h().getAsInt();
                if (statedEnd.isEmpty()) {
                    w.put("until_exclusive", from.plusDays(Math.max(1, (hours + 23) / 24)).toString());
                }
                w.put("stated_duration", t.statedDuration().orElse(hours + " hours"));
            });
            String basis = (group.stream().anyMatch(m -> m.from().isPresent()) ? "start date stated in the text"
                    : "start date assumed: " + extraction.eventDayBasis())
                    + (statedEnd.isPresent() ? "; end stated in the text" : "");
            w.set("source", source(timed.orElse(first).span(), timed.orElse(first).rule(), first.confidence(), basis));
        }
        List<String> conditions = group.stream().flatMap(m -> m.condition().stream()).distinct().toList();
        if (!conditions.isEmpty()) {
            ArrayNode c = n.putArray("conditions");
            conditions.forEach(t -> c.addObject().put("kind", "stated").put("text", t));
        }
        n.set("source", source(first.span(), first.rule(), first.confidence(), "measure named here"));
        switch (first.kind()) {
            case STRIKE_HALT -> {
                ArrayNode prefixes = n.putArray("protected_category_prefix");
                prefixes.add(first.object().orElse("energy") + ".");
                n.putArray("event_types").add("Explosions/Remote violence");
                n.put("radius_m", 3000);
            }
            case CEASEFIRE -> {
                n.putArray("event_types").add("Explosions/Remote violence").add("Battles");
                n.put("buffer_m", 15000);
            }
            case NAVIGATION_SAFETY -> {
                n.put("zone", "black-sea");
                n.putArray("event_types").add("Explosions/Remote violence").add("Battles");
                n.put("buffer_m", 5000);
                // What a navigation commitment protects and how near a registered port counts:
                // the example agreement's values, for the reviewer to confirm like the rest.
                n.putArray("target_category_prefix").add("transport.port").add("transport.vessel")
                        .add("transport.sea_lane").add("military.vessel");
                n.put("radius_m", 3000);
            }
            case EXPERT_GROUP, TALKS, JOINT_INITIATIVE -> {
                n.put("step", first.kind() == MeasureKind.EXPERT_GROUP ? "expert_group"
                        : first.kind() == MeasureKind.TALKS ? "talks" : "joint_initiative");
                n.put("description", sentenceText(first));
            }
        }
        return n;
    }

    private ObjectNode exchange(ExchangeCandidate e, String id) {
        ObjectNode n = NODES.objectNode();
        n.put("id", id);
        n.put("kind", "prisoner_exchange");
        n.put("title", "Prisoner exchange of " + e.date().orElseThrow() + " (candidate)");
        if (!e.parties().isEmpty()) {
            ArrayNode ps = n.putArray("parties");
            for (String p : e.parties()) {
                ps.addObject().put("party", party(p)).put("stance", "accepted")
                        .put("since", extraction.eventDay().toString())
                        .set("source", source(e.span(), e.rule(), e.confidence(), "named as a side of the exchange"));
            }
        }
        e.mediator().filter(m -> m.length() == 2 && m.equals(m.toUpperCase(Locale.ROOT)))
                .ifPresent(m -> n.put("proposed_by", party(m)));
        n.set("source", source(e.span(), e.rule(), e.confidence(), "exchange named here"));
        ObjectNode stage = n.putArray("stages").addObject();
        stage.put("date", e.date().orElseThrow().toString());
        stage.put("per_side", e.per_side().getAsInt());
        if (e.wounded().isPresent() && e.woundedParty().isPresent()) {
            String to = e.woundedParty().get();
            Optional<String> from = e.parties().stream().filter(p -> !p.equals(to)).findFirst();
            if (from.isPresent()) {
                ArrayNode transfers = stage.putArray("transfers");
                transfers.addObject().put("from", party(from.get())).put("to", party(to))
                        .put("persons", e.wounded().getAsInt()).put("who", "wounded");
            }
        }
        stage.set("source", source(e.span(), e.rule(), e.confidence(), "numbers of the exchange"));
        return n;
    }

    private String party(String id) {
        parties.add(id);
        return id;
    }

    private ObjectNode source(Span span, String rule, double confidence, String what) {
        ObjectNode s = NODES.objectNode();
        s.put("statement", STATEMENT_ID);
        s.put("sentence", sentences.numberAt(span.start_char()));
        s.put("note", "candidate, to confirm: " + what + " (rule " + rule + ", confidence " + confidence
                + ", chars " + span.start_char() + "-" + span.end_char() + ")");
        return s;
    }

    private String sentenceText(MeasureCandidate m) {
        return extraction.sentences().get(m.sentence() - 1).span().text();
    }

    private static String title(MeasureCandidate m) {
        return switch (m.kind()) {
            case STRIKE_HALT -> "Halt of strikes on " + m.object().orElse("a category of objects")
                    + m.statedDuration().map(d -> " for " + d).orElse("");
            case CEASEFIRE -> "Ceasefire" + m.statedDuration().map(d -> " of " + d).orElse("");
            case NAVIGATION_SAFETY -> "Safety of navigation at sea (zone to confirm)";
            case EXPERT_GROUP -> "Expert groups";
            case TALKS -> "Talks";
            case JOINT_INITIATIVE -> "Joint initiative";
        } + " (candidate)";
    }

    private static String idStem(MeasureKind kind) {
        return kind.wireName().replace('_', '-');
    }

    private static String nextId(Map<String, Integer> counts, String stem) {
        int n = counts.merge(stem, 1, Integer::sum);
        return n == 1 ? stem : stem + "-" + n;
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "statement" : s;
    }
}
