package org.truce.format.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.agreement.CeasefireZone;
import org.truce.agreement.CommitmentKind;
import org.truce.agreement.ExchangeStage;
import org.truce.agreement.NavigationSafetyArea;
import org.truce.agreement.PrisonerExchange;
import org.truce.agreement.ProcessMilestone;
import org.truce.agreement.SourceRef;
import org.truce.agreement.StrikeMoratorium;

/**
 * The example agreement against the seed article it was written from: each cited sentence
 * really carries the fact, and every measure of the article made it into the example.
 */
class SeedArticleSourcesTest {

    private static final String SEED = "seed-2025-03-19-fr";

    /** For each commitment or position: words its cited sentence must contain (as the article spells them). */
    /** For each commitment or position: words its cited sentence must contain (as the article spells them). */
    private static final Map<String, List<String>> KEY_WORDS = Map.ofEntries(
            Map.entry("energy-moratorium", List.of("30", "énergétiques")),
            Map.entry("contact-line-ceasefire", List.of("30", "cessez-le-feu")),
            Map.entry("black-sea-navigation", List.of("navigation", "Noire")),
            Map.entry("black-sea-talks", List.of("négociations", "Noire")),
            Map.entry("pow-exchange-2025-03-19", List.of("175", "19 mars")),
            Map.entry("expert-groups", List.of("experts")),
            Map.entry("economy-energy-talks", List.of("économie", "énergie")),
            Map.entry("crisis-stabilisation", List.of("crise")),
            Map.entry("non-proliferation", List.of("non-prolifération")),
            Map.entry("hockey-matches", List.of("hockey")),
            Map.entry("ru-end-foreign-military-aid", List.of("militaire", "étrangère")),
            Map.entry("ru-end-intelligence-sharing", List.of("renseignement")),
            Map.entry("ru-end-forced-mobilisation", List.of("mobilisation")),
            Map.entry("ru-no-rearmament", List.of("réarmement")),
            Map.entry("ru-halt-arms-deliveries-claimed", List.of("Bloomberg", "armes")),
            Map.entry("ru-end-us-military-aid-claimed", List.of("militaire", "américaine")));

    private static List<String> sentences;
    private static Agreement example;

    @BeforeAll
    static void load() throws Exception {
        sentences = ArticleSentences.split(Files.readString(RepoRoot.seedArticle()));
        example = AgreementJson.load(RepoRoot.example());
    }

    @Test
    void sentenceRuleNumbersTheDateLineOneAndCutsAtFullStops() {
        assertThat(ArticleSentences.split("19 Mars 2025\nUne phrase. « Une citation ».\n\nFin!  Encore? 3.5 km"))
                .containsExactly("19 Mars 2025", "Une phrase.", "« Une citation ».", "Fin!", "Encore?", "3.5 km");
        assertThat(sentences.get(0)).isEqualTo("19 Mars 2025");
        assertThat(sentences).hasSize(23);
    }

    @Test
    void theSeedStatementPointsAtTheArticle() {
        assertThat(example.statements()).filteredOn(s -> s.id().equals(SEED)).singleElement().satisfies(s -> {
            assertThat(s.location()).isEqualTo("../shared/seed/2025-03-19-putin-trump-call.fr.txt");
            assertThat(s.language()).isEqualTo("fr");
        });
    }

    @Test
    void everyCommitmentAndPositionCitesASentenceOfTheArticleThatCarriesItsFact() {
        Map<String, SourceRef> cited = citedSources();

        assertThat(cited.keySet()).as("every commitment and position has a key-word check")
                .isEqualTo(KEY_WORDS.keySet());
        cited.forEach((id, source) -> {
            assertThat(source.statement()).as(id).isEqualTo(SEED);
            assertThat(source.sentence()).as(id).isNotNull().isBetween(1, sentences.size());
            String sentence = ArticleSentences.sentence(sentences, source.sentence());
            assertThat(sentence).as("sentence %d cited by %s", source.sentence(), id).contains(KEY_WORDS.get(id));
        });
    }

    @Test
    void partyStancesFromTheArticleCiteTheRightSentence() {
        StrikeMoratorium m = (StrikeMoratorium) example.findCommitment("energy-moratorium").orElseThrow();
        SourceRef ruAccepts = m.terms().statusOf("RU").orElseThrow().basis();
        assertThat(ArticleSentences.sentence(sentences, ruAccepts.sentence())).contains("accepté");

        CeasefireZone z = (CeasefireZone) example.findCommitment("contact-line-ceasefire").orElseThrow();
        SourceRef ruPending = z.terms().statusOf("RU").orElseThrow().basis();
        assertThat(ArticleSentences.sentence(sentences, ruPending.sentence())).contains("surveillance", "cessez-le-feu");
        SourceRef uaAccepts = z.terms().statusOf("UA").orElseThrow().basis();
        assertThat(ArticleSentences.sentence(sentences, uaAccepts.sentence())).contains("approuvé", "Kiev");
        assertThat(ArticleSentences.sentence(sentences, uaAccepts.sentence() - 1)).contains("11 mars", "Arabie saoudite");

        assertThat(ArticleSentences.sentence(sentences, 17)).as("the wounded transfer").contains("23", "blessés");
    }

    @Test
    void everyMeasureOfTheArticleIsInTheExample() {
        assertThat(example.commitments()).extracting(c -> c.kind()).containsAll(Set.of(CommitmentKind.values()));

        StrikeMoratorium m = (StrikeMoratorium) example.findCommitment("energy-moratorium").orElseThrow();
        assertThat(m.protectedCategoryPrefixes()).containsExactly("energy.");
        assertThat(m.terms().readings()).allSatisfy(r -> assertThat(r.window().days()).isEqualTo(30));
        assertThat(m.terms().proposedBy()).containsExactly("US");

        CeasefireZone z = (CeasefireZone) example.findCommitment("contact-line-ceasefire").orElseThrow();
        assertThat(z.terms().readings()).singleElement()
                .satisfies(r -> assertThat(r.window().days()).isEqualTo(30));

        NavigationSafetyArea n = (NavigationSafetyArea) example.findCommitment("black-sea-navigation").orElseThrow();
        assertThat(n.zone()).isEqualTo("black-sea");

        PrisonerExchange x = (PrisonerExchange) example.findCommitment("pow-exchange-2025-03-19").orElseThrow();
        ExchangeStage stage = x.stages().get(0);
        assertThat(stage.date()).hasToString("2025-03-19");
        assertThat(stage.perSide()).isEqualTo(175);
        assertThat(stage.transfers()).singleElement()
                .satisfies(t -> assertThat(List.of(t.fromParty(), t.toParty(), t.persons())).containsExactly("RU", "UA", 23));

        Set<ProcessMilestone.Step> steps = example.commitments().stream()
                .filter(c -> c instanceof ProcessMilestone)
                .map(c -> ((ProcessMilestone) c).step())
                .collect(Collectors.toSet());
        assertThat(steps).contains(ProcessMilestone.Step.EXPERT_GROUP, ProcessMilestone.Step.TALKS,
                ProcessMilestone.Step.JOINT_INITIATIVE);

        // The sentences that announce a measure, a stance or a demand; each must be cited somewhere.
        Set<Integer> measureSentences = Set.of(7, 8, 9, 11, 13, 14, 15, 16, 18, 19, 20, 22);
        assertThat(sentencesCitedAnywhere()).containsAll(measureSentences);
    }

    /** Sentence numbers of the article cited by commitments, stances, windows, stages and positions. */
    private static Set<Integer> sentencesCitedAnywhere() {
        Stream<SourceRef> fromCommitments = example.commitments().stream().flatMap(c -> Stream.of(
                Stream.of(c.terms().basis()),
                c.terms().parties().stream().map(p -> p.basis()),
                c.terms().readings().stream().map(r -> r.basis()),
                c instanceof PrisonerExchange x ? x.stages().stream().map(ExchangeStage::basis) : Stream.<SourceRef>empty())
                .flatMap(s -> s));
        return Stream.concat(fromCommitments, example.positions().stream().map(p -> p.basis()))
                .filter(ref -> ref != null && ref.statement().equals(SEED) && ref.sentence() != null)
                .map(SourceRef::sentence)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, SourceRef> citedSources() {
        return Stream.concat(
                        example.commitments().stream().map(c -> Map.entry(c.id(), c.terms().basis())),
                        example.positions().stream().map(p -> Map.entry(p.id(), p.basis())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
