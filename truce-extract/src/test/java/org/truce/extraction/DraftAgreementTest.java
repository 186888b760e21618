package org.truce.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.agreement.Agreement;
import org.truce.agreement.Commitment;
import org.truce.agreement.CommitmentKind;
import org.truce.agreement.PrisonerExchange;
import org.truce.agreement.StrikeMoratorium;
import org.truce.extraction.output.DraftAgreement;
import org.truce.extraction.output.FormatSentences;
import org.truce.extraction.output.ItemFiles;
import org.truce.format.agreement.AgreementJson;

/** FEATURE UNDER TEST: the files of {@code truce extract}, first of all the draft in the agreement format. */
class DraftAgreementTest {

    private static String text;
    private static Extractor extractor;
    private static Extraction extraction;

    @BeforeAll
    static void extract() throws Exception {
        text = StatementInput.read(SharedSeed.seedArticle(), StatementInput.DEFAULT_MAX_BYTES);
        extractor = Extractor.standard();
        extraction = extractor.extract(text, null, LocalDate.of(2025, 3, 19), "test");
    }

    @Test
    void theDraftOfTheSeedArticleLoadsWithTheFormatsOwnLoaderAndSaysItIsADraft(@TempDir Path tmp) throws Exception {
        List<String> written = ItemFiles.writeAll(extraction, extractor.gazetteer(), SharedSeed.SEED_NAME, tmp);
        assertThat(written).containsExactly("draft-agreement.json", "items.jsonl", "exchanges.json", "timeline.json");
        Agreement draft = AgreementJson.load(tmp.resolve("draft-agreement.json"));
        assertThat(draft.title()).startsWith("DRAFT, needs review");
        assertThat(draft.commitments()).extracting(Commitment::kind).contains(CommitmentKind.STRIKE_MORATORIUM,
                CommitmentKind.CEASEFIRE_ZONE, CommitmentKind.NAVIGATION_SAFETY_AREA, CommitmentKind.PRISONER_EXCHANGE,
                CommitmentKind.PROCESS_MILESTONE);
        StrikeMoratorium energy = draft.commitments().stream().filter(StrikeMoratorium.class::isInstance)
                .map(StrikeMoratorium.class::cast).findFirst().orElseThrow();
        assertThat(energy.terms().statusOf("RU").orElseThrow().binds()).isTrue();
        assertThat(energy.terms().statusOf("UA").orElseThrow().binds()).as("Ukraine was asked, not heard").isFalse();
        var window = energy.terms().readings().get(0).window();
        assertThat(window.contains(LocalDate.of(2025, 3, 18))).isTrue();
        assertThat(window.contains(LocalDate.of(2025, 4, 16))).isTrue();
        assertThat(window.contains(LocalDate.of(2025, 4, 17))).as("30 days from 18 March").isFalse();
        PrisonerExchange exchange = draft.commitments().stream().filter(PrisonerExchange.class::isInstance)
                .map(PrisonerExchange.class::cast).findFirst().orElseThrow();
        assertThat(exchange.stages().get(0).perSide()).isEqualTo(175);
        assertThat(exchange.stages().get(0).transfers()).singleElement()
                .satisfies(t -> assertThat(t.fromParty() + "->" + t.toParty() + " " + t.persons()).isEqualTo("RU->UA 23"));
        assertThat(draft.positions()).isNotEmpty().allSatisfy(p -> assertThat(p.party()).isEqualTo("RU"));
        assertThat(Files.readString(tmp.resolve("draft-agreement.json")))
                .as("Bloomberg's claim is not the statement's own word").doesNotContain("suspension de 30 jours de feu");
    }

    @Test
    void sourceSentencesAreNumberedAsTheAgreementFormatCountsThem() {
        FormatSentences numbers = new FormatSentences(text);
        // The example agreement cites the energy halt's request in sentence 13 and Russia's yes in 14.
        assertThat(numbers.numberAt(text.indexOf("a invité la Russie"))).isEqualTo(13);
        assertThat(numbers.numberAt(text.indexOf("Poutine a accepté"))).isEqualTo(14);
        assertThat(numbers.numberAt(text.indexOf("approuvé à titre préliminaire"))).isEqualTo(22);
        assertThat(numbers.numberAt(0)).isEqualTo(1);
    }

    @Test
    void everyItemIsOneJsonLineWithSpanRuleAndConfidence() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = ItemFiles.itemsJsonl(extraction).lines().toList();
        assertThat(lines).hasSize(extraction.items().size());
        for (String line : lines) {
            JsonNode n = json.readTree(line);
            int start = n.get("span").get("start_char").asInt();
            int end = n.get("span").get("end_char").asInt();
            assertThat(text.substring(start, end)).isEqualTo(n.get("span").get("text").asText());
            assertThat(n.get("rule").asText()).isNotBlank();
            assertThat(n.get("confidence").asDouble()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void exchangesAndTimelineFilesListTheCandidates() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode exchanges = json.readTree(ItemFiles.exchangesJson(extraction, "seed"));
        assertThat(exchanges.get("exchanges")).hasSize(1);
        assertThat(exchanges.get("exchanges").get(0).get("per_side").asInt()).isEqualTo(175);
        assertThat(exchanges.get("exchanges").get(0).get("wounded").asInt()).isEqualTo(23);
        JsonNode timeline = json.readTree(ItemFiles.timelineJson(extraction, "seed"));
        assertThat(timeline.get("events").findValuesAsText("date"))
                .containsSubsequence("2025-03-11", "2025-03-13", "2025-03-19");
    }

    @Test
    void aStatementWithoutCommitmentCandidateWritesNoDraft(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("draft-agreement.json"), "{}");
        Extraction none = extractor.extract("Markets opened higher in London on Monday.\n", null,
                LocalDate.of(2025, 3, 20), "test");
        assertThat(DraftAgreement.render(none, extractor.gazetteer(), "markets.txt")).isEmpty();
        List<String> written = ItemFiles.writeAll(none, extractor.gazetteer(), "markets.txt", tmp);
        assertThat(written).doesNotContain("draft-agreement.json");
        assertThat(tmp.resolve("draft-agreement.json")).as("an older draft is not left behind").doesNotExist();
    }
}
