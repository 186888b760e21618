package org.truce.format.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.agreement.Agreement;
import org.truce.agreement.CeasefireZone;
import org.truce.agreement.CommitmentKind;
import org.truce.agreement.Stance;
import org.truce.agreement.StrikeMoratorium;
import org.truce.agreement.Window;

class AgreementJsonTest {

    /** The agreement.json that the benchmark generator writes (bench/SPEC.md section 1). */
    static final String BENCH_MINIMAL = """
            {"id":"2025-03-18-energy-moratorium",
             "commitments":[
              {"id":"energy-moratorium","kind":"strike_moratorium","protected_category_prefix":"energy.",
               "from":"2025-03-18","until_exclusive":"2025-04-17",
               "event_types":["Explosions/Remote violence"],"radius_m":3000},
              {"id":"contact-line-ceasefire","kind":"ceasefire_zone",
               "from":"2025-03-18","until_exclusive":"2025-04-17",
               "event_types":["Explosions/Remote violence","Battles"],"buffer_m":15000}]}
            """;

    @Test
    void benchMinimalFileLoads() throws Exception {
        Agreement a = AgreementJson.parse(BENCH_MINIMAL, "agreement.json");

        assertThat(a.id()).isEqualTo("2025-03-18-energy-moratorium");
        StrikeMoratorium m = (StrikeMoratorium) a.findCommitment("energy-moratorium").orElseThrow();
        assertThat(m.protectedCategoryPrefixes()).containsExactly("energy.");
        assertThat(m.eventTypes()).containsExactly("Explosions/Remote violence");
        assertThat(m.radius_m()).isEqualTo(3000.0);
        assertThat(m.terms().readings()).singleElement().satisfies(r -> {
            assertThat(r.label()).as("top-level from/until make one common reading").isEqualTo("common");
            assertThat(r.window()).isEqualTo(new Window(LocalDate.of(2025, 3, 18), LocalDate.of(2025, 4, 17), ""));
        });
        assertThat(m.terms().namesParties()).as("no parties listed: binds whoever acts").isFalse();
        assertThat(m.terms().inForceOn(LocalDate.of(2025, 3, 18))).isTrue();
        assertThat(m.terms().inForceOn(LocalDate.of(2025, 4, 17))).isFalse();
        CeasefireZone z = (CeasefireZone) a.findCommitment("contact-line-ceasefire").orElseThrow();
        assertThat(z.zone()).as("no zone: the run's line of contact").isNull();
        assertThat(z.buffer_m()).isEqualTo(15000.0);
        assertThat(z.eventTypes()).containsExactlyInAnyOrder("Explosions/Remote violence", "Battles");
    }

    @Test
    void exampleLoads() throws Exception {
        Agreement a = AgreementJson.load(RepoRoot.example());

        assertThat(a.parties()).extracting(p -> p.id()).containsExactly("RU", "UA", "US");
        assertThat(a.commitments()).extracting(c -> c.kind()).contains(CommitmentKind.values());
        StrikeMoratorium m = (StrikeMoratorium) a.findCommitment("energy-moratorium").orElseThrow();
        assertThat(m.terms().readings()).extracting(r -> r.label() + " " + r.window())
                .containsExactly("RU [2025-03-18, 2025-04-17)", "UA [2025-03-25, 2025-04-24)");
        assertThat(m.terms().hasReciprocity()).isTrue();
        assertThat(m.terms().statusOf("UA").orElseThrow().stance()).isEqualTo(Stance.ACCEPTED);
        assertThat(a.findCommitment("contact-line-ceasefire").orElseThrow().terms().statusOf("RU").orElseThrow()
                .stance()).isEqualTo(Stance.PENDING);
        assertThat(a.positions()).isNotEmpty();
    }

    @Test
    void missingFieldIsNamedWithItsPathAndTheLineOfItsObject() {
        String message = problemsOf("""
                {
                  "id": "a",
                  "commitments": [
                    {
                      "id": "c1",
                      "protected_category_prefix": "energy.",
                      "from": "2025-03-18", "until_exclusive": "2025-04-17",
                      "event_types": ["Battles"], "radius_m": 10
                    }
                  ]
                }
                """);

        assertThat(message).contains("test.json:4:5: commitments[0].kind: missing; expected one of strike_moratorium");
    }

    @Test
    void wrongTypeIsNamed() {
        String message = problemsOf(minimalMoratorium("\"radius_m\": \"3000\""));

        assertThat(message).contains(
                "test.json:6:5: commitments[0].radius_m: expected a number from 0 to 1000000 (metres), found \"3000\"");
    }

    @Test
    void negativeRadiusIsNamed() {
        String message = problemsOf(minimalMoratorium("\"radius_m\": -5"));

        assertThat(message).contains("test.json:6:5: commitments[0].radius_m: expected a number from 0 to 1000000"
                + " (metres), found -5");
    }

    @Test
    void unknownFieldIsAnErrorSoThatTyposDoNotPassSilently() {
        String message = problemsOf(minimalMoratorium("\"radius_m\": 10, \"radius_km\": 3"));

        assertThat(message).contains("test.json:6:21: commitments[0].radius_km: unknown field of a strike_moratorium"
                + " commitment; expected one of id, kind, title");
    }

    @Test
    void fieldOfAnotherKindIsUnknown() {
        String message = problemsOf(minimalMoratorium("\"radius_m\": 10, \"buffer_m\": 3"));

        assertThat(message).contains("commitments[0].buffer_m: unknown field of a strike_moratorium commitment");
    }

    @Test
    void unknownKindIsNamedWithTheKnownKinds() {
        String message = problemsOf("""
                {"id": "a",
                 "commitments": [
                   {"id": "c1", "kind": "truce",
                    "from": "2025-03-18"}]}
                """);

        assertThat(message).contains("test.json:3:17: commitments[0].kind: expected one of strike_moratorium,"
                + " ceasefire_zone, navigation_safety_area, prisoner_exchange, process_milestone, found \"truce\"");
    }

    @Test
    void badDatesAreNamed() {
        String message = problemsOf("""
                {"id": "a",
                 "commitments": [
                   {"id": "c1", "kind": "ceasefire_zone", "event_types": ["Battles"], "buffer_m": 1,
                    "from": "18/03/2025",
                    "until_exclusive": "2025-02-30"}]}
                """);

        assertThat(message)
                .contains("test.json:4:5: commitments[0].from: expected a date yyyy-MM-dd, found \"18/03/2025\"")
                .contains("test.json:5:5: commitments[0].until_exclusive: expected a date yyyy-MM-dd,"
                        + " found \"2025-02-30\"");
    }

    @Test
    void untilBeforeFromIsNamed() {
        String message = problemsOf("""
                {"id": "a",
                 "commitments": [
                   {"id": "c1", "kind": "ceasefire_zone", "event_types": ["Battles"], "buffer_m": 1,
                    "windows": [
                      {"label": "common", "from": "2025-03-18",
                       "until_exclusive": "2025-03-18"}]}]}
                """);

        assertThat(message).contains("test.json:6:8: commitments[0].windows[0].until_exclusive: expected a date"
                + " after from (2025-03-18), found \"2025-03-18\"");
    }

    @Test
    void unknownPartyReferenceIsNamedWithTheDeclaredParties() {
        String message = problemsOf("""
                {"id": "a",
                 "parties": [{"id": "RU", "name": "Russia"}, {"id": "UA", "name": "Ukraine"}],
                 "commitments": [
                   {"id": "c1", "kind": "ceasefire_zone", "event_types": ["Battles"], "buffer_m": 1,
                    "from": "2025-03-18", "proposed_by": "USA",
                    "parties": [{"party": "RU", "stance": "accepted"},
                                {"party": "UK", "stance": "accepted"}]}]}
                """);

        assertThat(message)
                .contains("test.json:5:27: commitments[0].proposed_by: unknown party \"USA\"; expected one of the ids"
                        + " under parties: RU, UA")
                .contains("test.json:7:18: commitments[0].parties[1].party: unknown party \"UK\"");
    }

    @Test
    void unknownStatementReferenceIsNamed() {
        String message = problemsOf("""
                {"id": "a",
                 "commitments": [
                   {"id": "c1", "kind": "ceasefire_zone", "event_types": ["Battles"], "buffer_m": 1,
                    "from": "2025-03-18", "source": {"statement": "kremlin", "sentence": 3}}]}
                """);

        assertThat(message).contains("commitments[0].source.statement: unknown statement \"kremlin\"; expected one of"
                + " the ids under statements (none declared)");
    }

    @Test
    void duplicateIdIsNamedAtItsSecondUse() {
        String message = problemsOf("""
                {"id": "a",
                 "parties": [{"id": "RU", "name": "Russia"}],
                 "commitments": [
                   {"id": "c1", "kind": "ceasefire_zone", "event_types": ["Battles"], "buffer_m": 1,
                    "from": "2025-03-18"}],
                 "positions": [
                   {"id": "c1", "party": "RU", "demand": "something"}]}
                """);

        assertThat(message).contains("test.json:7:5: positions[0].id: duplicate commitment or position id \"c1\";"
                + " already used at commitments[0].id");
    }

    @Test
    void coreRuleViolationIsReportedWithPathNotAsAStackTrace() {
        String message = problemsOf("""
                {"id": "a",
                 "parties": [{"id": "RU", "name": "Russia"}],
                 "commitments": [
                   {"id": "c1", "kind": "ceasefire_zone", "event_types": ["Battles"], "buffer_m": 1,
                    "from": "2025-03-18",
                    "parties": [{"party": "RU", "stance": "accepted"}, {"party": "RU", "stance": "rejected"}]}]}
                """);

        assertThat(message).contains("test.json:4:4: commitments[0]: invalid: commitment c1 lists a party twice")
                .doesNotContain("Exception");
    }

    @Test
    void malformedJsonGivesOneErrorWithLineAndColumn() {
        AgreementFormatException e = failure("""
                {"id": "a",
                 "commitments": [
                   {"id": "c1" "kind": "ceasefire_zone"}]}
                """);

        assertThat(e.problems()).hasSize(1);
        assertThat(e.getMessage()).contains("test.json:3:16: malformed JSON: Unexpected character");
    }

    @Test
    void repeatedMemberIsMalformed() {
        String message = problemsOf("""
                {"id": "a",
                 "id": "b", "commitments": []}
                """);

        assertThat(message).contains("test.json:2:6: malformed JSON: Duplicate field 'id'");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        AgreementFormatException e = failure("""
                {"id": "a", "titel": "typo",
                 "commitments": [
                   {"id": "c1", "kind": "strike_moratorium", "protected_category_prefix": [],
                    "from": "2025-03-18", "event_types": ["Battles"], "radius_m": -1},
                   {"id": "c2", "kind": "process_milestone", "step": "summit", "description": "x"}]}
                """);

        assertThat(e.problems()).extracting(AgreementFormatException.Problem::path)
                .containsExactly("titel", "commitments[0].protected_category_prefix", "commitments[0].radius_m",
                        "commitments[1].step");
    }

    @Test
    void messagesNameTheFileTheyCameFrom(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken-agreement.json");
        Files.writeString(file, minimalMoratorium("\"radius_m\": true"));

        AgreementFormatException e = catchThrowableOfType(AgreementFormatException.class,
                () -> AgreementJson.load(file));

        assertThat(e.getMessage()).startsWith(file + ": 1 problem")
                .contains(file + ":6:5: commitments[0].radius_m: expected a number");
    }

    @Test
    void aFileThatIsNotAnObjectIsRejected() {
        assertThat(problemsOf("[]")).contains("test.json:1:1: expected an object (an agreement), found an empty array");
        assertThat(problemsOf("   ")).contains("test.json:1:1: expected an agreement object, found an empty file");
    }

    private static String minimalMoratorium(String lastMembers) {
        return """
                {"id": "a",
                 "commitments": [
                   {"id": "c1", "kind": "strike_moratorium", "protected_category_prefix": "energy.",
                    "from": "2025-03-18", "until_exclusive": "2025-04-17",
                    "event_types": ["Explosions/Remote violence"],
                    %s}]}
                """.formatted(lastMembers);
    }

    private static String problemsOf(String json) {
        return failure(json).getMessage();
    }

    private static AgreementFormatException failure(String json) {
        AgreementFormatException e = catchThrowableOfType(AgreementFormatException.class,
                () -> AgreementJson.parse(json, "test.json"));
        assertThat(e).as("expected the document to be rejected").isNotNull();
        return e;
    }
}
