package org.truce.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Stance;

/**
 * FEATURE UNDER TEST: issue 5, "Done means", first item. {@code truce extract} on the seed article
 * yields each measure with its span; every span is checked against the seed file's own text.
 */
class SeedArticleExtractionTest {

    private static String text;
    private static Extraction extraction;

    @BeforeAll
    static void extract() throws Exception {
        text = StatementInput.read(SharedSeed.seedArticle(), StatementInput.DEFAULT_MAX_BYTES);
        Extractor extractor = Extractor.standard();
        LocalDate published = extractor.headerDate(text).orElseThrow();
        extraction = extractor.extract(text, null, published, "date on the first line");
    }

    /** The span is where it says it is in the seed file, and its words contain {@code words}. */
    private static void restsOn(ExtractedItem item, String words) {
        Span span = item.span();
        assertThat(text.substring(span.start_char(), span.end_char()))
                .as("span of %s is the seed's own text", item.rule()).isEqualTo(span.text());
        assertThat(span.text()).as("words of %s", item.rule()).contains(words);
    }

    private static MeasureCandidate measure(MeasureKind kind, Predicate<MeasureCandidate> which) {
        List<MeasureCandidate> found = extraction.measures().stream()
                .filter(m -> m.kind() == kind && m.claimedBy().isEmpty()).filter(which).toList();
        assertThat(found).as("a %s candidate of the statement's own", kind).isNotEmpty();
        return found.get(0);
    }

    private static Optional<PartyStance> stance(MeasureCandidate m, String party) {
        return m.stances().stream().filter(s -> s.party().equals(party) && s.stance() != Stance.PROPOSED).findFirst();
    }

    @Test
    void theHeaderLineGivesThePublicationDayAndTheTextTheDayOfTheCall() {
        assertThat(extraction.published()).isEqualTo(LocalDate.of(2025, 3, 19));
        assertThat(extraction.eventDay()).isEqualTo(LocalDate.of(2025, 3, 18));
        assertThat(extraction.language()).isEqualTo(Language.FR);
    }

    @Test
    void energyMoratoriumOf30DaysFrom18MarchProposedToBothSidesAndAcceptedByRussia() {
        MeasureCandidate m = measure(MeasureKind.STRIKE_HALT, x -> true);
        restsOn(m, "infrastructures énergétiques");
        assertThat(m.object()).contains("energy");
        assertThat(m.duration_h()).hasValue(30 * 24);
        assertThat(m.addressed()).as("both sides are asked").containsExactlyInAnyOrder("RU", "UA");
        assertThat(m.stances()).anySatisfy(s -> {
            assertThat(s.party()).isEqualTo("US");
            assertThat(s.stance()).isEqualTo(Stance.PROPOSED);
        });
        PartyStance russia = stance(m, "RU").orElseThrow();
        assertThat(russia.stance()).isEqualTo(Stance.ACCEPTED);
        assertThat(russia.since()).contains(LocalDate.of(2025, 3, 18));
        assertThat(russia.span().text()).contains("Poutine a accepté");
        assertThat(text.substring(russia.span().start_char(), russia.span().end_char())).isEqualTo(russia.span().text());
        assertThat(stance(m, "UA")).as("Ukraine's answer is not in the article").isEmpty();
    }

    @Test
    void ceasefireOf30DaysAcceptedByUkraineOn11MarchNotByRussia() {
        MeasureCandidate m = measure(MeasureKind.CEASEFIRE, x -> stance(x, "UA").isPresent());
        restsOn(m, "cessez-le-feu");
        assertThat(m.duration_h()).hasValue(30 * 24);
        PartyStance ukraine = stance(m, "UA").orElseThrow();
        assertThat(ukraine.stance()).as("approved 'à titre préliminaire'").isEqualTo(Stance.ACCEPTED_IN_PRINCIPLE);
        assertThat(ukraine.since()).contains(LocalDate.of(2025, 3, 11));
        assertThat(m.stances()).anySatisfy(s -> assertThat(s.party() + " " + s.stance()).isEqualTo("US PROPOSED"));
        // Russia only discussed monitoring a possible ceasefire: never accepted.
        assertThat(extraction.measures()).filteredOn(x -> x.kind() == MeasureKind.CEASEFIRE)
                .flatMap(MeasureCandidate::stances)
                .filteredOn(s -> s.party().equals("RU"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.stance()).isEqualTo(Stance.PENDING));
    }

    @Test
    void blackSeaNavigationTalks() {
        MeasureCandidate m = measure(MeasureKind.NAVIGATION_SAFETY, x -> true);
        restsOn(m, "navigation en mer Noire");
        assertThat(m.stances()).extracting(PartyStance::party).contains("RU", "US");
    }

    @Test
    void exchangeOn19March175For175PlusThe23Wounded() {
        ExchangeCandidate e = extraction.exchanges().get(0);
        restsOn(e, "175 contre 175");
        assertThat(e.date()).contains(LocalDate.of(2025, 3, 19));
        assertThat(e.per_side()).hasValue(175);
        assertThat(e.wounded()).hasValue(23);
        assertThat(e.woundedParty()).contains("UA");
        Span wounded = e.woundedSpan().orElseThrow();
        assertThat(text.substring(wounded.start_char(), wounded.end_char())).isEqualTo(wounded.text())
                .contains("23 militaires ukrainiens gravement blessés");
        assertThat(e.parties()).containsExactlyInAnyOrder("RU", "UA");
    }

    @Test
    void russianAndAmericanExpertGroups() {
        MeasureCandidate m = measure(MeasureKind.EXPERT_GROUP, x -> true);
        restsOn(m, "groupes d'experts");
        assertThat(m.stances()).extracting(s -> s.party() + " " + s.stance())
                .contains("RU ACCEPTED", "US ACCEPTED");
    }

    @Test
    void hockeyMatchesProposedByRussiaSupportedByTheUnitedStates() {
        MeasureCandidate m = measure(MeasureKind.JOINT_INITIATIVE, x -> x.span().text().contains("hockey"));
        restsOn(m, "matchs de hockey");
        assertThat(m.stances()).extracting(s -> s.party() + " " + s.stance())
                .contains("RU PROPOSED", "US ACCEPTED");
    }

    @Test
    void meetingsOf11And13MarchAreOnTheTimeline() {
        TimelineEvent riyadh = extraction.timeline().stream()
                .filter(t -> t.date().equals(LocalDate.of(2025, 3, 11))).findFirst().orElseThrow();
        restsOn(riyadh, "pourparlers");
        assertThat(riyadh.what()).isEqualTo("meeting");
        assertThat(riyadh.place()).contains("saudi_arabia");
        TimelineEvent witkoff = extraction.timeline().stream()
                .filter(t -> t.date().equals(LocalDate.of(2025, 3, 13))).findFirst().orElseThrow();
        restsOn(witkoff, "réunion");
        assertThat(witkoff.actors()).as("Whitoff is read as Witkoff").contains("witkoff", "putin");
        assertThat(witkoff.claimedBy()).as("only Bloomberg tells of it").contains("bloomberg");
    }

    @Test
    void russianDemandsArePositionsOfRussia() {
        List<PositionCandidate> own = extraction.positions().stream().filter(p -> p.claimedBy().isEmpty()).toList();
        assertThat(own).allSatisfy(p -> assertThat(p.party()).isEqualTo("RU"));
        assertThat(own).extracting(p -> p.span().text()).anySatisfy(t -> assertThat(t).contains("assistance militaire"))
                .anySatisfy(t -> assertThat(t).contains("renseignement"))
                .anySatisfy(t -> assertThat(t).contains("mobilisation"))
                .anySatisfy(t -> assertThat(t).contains("réarmement"));
        own.forEach(p -> restsOn(p, p.demand()));
    }

    @Test
    void bloombergReportIsBloombergsClaimAndItsContentStaysOutOfTheStatementsOwnWord() {
        Claim bloomberg = extraction.claims().stream().filter(c -> c.source().equals("bloomberg")).findFirst().orElseThrow();
        restsOn(bloomberg, "Bloomberg, citant des sources");
        assertThat(bloomberg.kind()).isEqualTo(ClaimKind.REPORT);
        assertThat(bloomberg.date()).contains(LocalDate.of(2025, 3, 18));
        assertThat(extraction.measures()).filteredOn(m -> m.sentence() == bloomberg.sentence())
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.claimedBy()).contains("bloomberg"));
    }

    @Test
    void namesAreReadThroughTheGazetteerWithTheirVariants() {
        assertThat(extraction.items()).filteredOn(i -> i instanceof ActorMention)
                .extracting(i -> i.keys().get(0) + "=" + i.span().text())
                .contains("actor:witkoff=Steve Whitoff", "actor:putin=Poutine", "actor:kyiv=Kiev");
        assertThat(extraction.items()).filteredOn(i -> i instanceof PlaceMention)
                .extracting(i -> i.keys().get(0) + "=" + i.span().text())
                .contains("place:kursk=Koursk", "place:black_sea=mer Noire");
    }

    @Test
    void everyItemRestsOnTheSeedsOwnWordsWithARuleAndAConfidence() {
        assertThat(extraction.items()).isNotEmpty().allSatisfy(i -> {
            assertThat(text.substring(i.span().start_char(), i.span().end_char())).isEqualTo(i.span().text());
            assertThat(i.rule()).isNotBlank();
            assertThat(i.confidence()).isBetween(0.0, 1.0);
        });
    }
}
