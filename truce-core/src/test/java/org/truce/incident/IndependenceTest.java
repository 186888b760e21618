package org.truce.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.report.ReportBuilder.report;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndependenceTest {

    private static final SourceAffiliations AFFILIATIONS = SourceAffiliations.of(Map.of(
            "Ministry of Defence of Russia", "RU",
            "Ministry of Foreign Affairs of Russia", "RU",
            "TASS", "RU",
            "General Staff of the Armed Forces of Ukraine", "UA"));

    private static Incident incidentFrom(String... sources) {
        var reports = new java.util.ArrayList<org.truce.report.Report>();
        for (int i = 0; i < sources.length; i++) {
            reports.add(report("R" + i).from(sources[i]).build());
        }
        List<Incident> incidents = new IncidentGrouper(GroupingRules.DEFAULT, AFFILIATIONS).group(reports, "grouper");
        assertThat(incidents).hasSize(1);
        return incidents.get(0);
    }

    @Test
    void twoMinistriesOfOnePartyCountOnce() {
        Independence independence = incidentFrom("Ministry of Defence of Russia", "Ministry of Foreign Affairs of Russia")
                .independence();
        assertThat(independence.count()).isEqualTo(1);
        assertThat(independence.groups()).containsOnlyKeys("party:RU");
        assertThat(independence.groups().get("party:RU"))
                .containsExactly("Ministry of Defence of Russia", "Ministry of Foreign Affairs of Russia");
    }

    @Test
    void aPartyAndItsStateMediaCountOnce() {
        assertThat(incidentFrom("Ministry of Defence of Russia", "TASS").independence().count()).isEqualTo(1);
    }

    @Test
    void bothPartiesAndAMonitorCountThree() {
        Independence independence = incidentFrom("TASS", "General Staff of the Armed Forces of Ukraine", "OSCE SMM",
                "Ministry of Defence of Russia").independence();
        assertThat(independence.count()).isEqualTo(3);
        assertThat(independence.groups()).containsOnlyKeys("party:RU", "party:UA", "source:OSCE SMM");
        assertThat(independence).hasToString(
                "3 independent; party:RU [Ministry of Defence of Russia, TASS]; "
                        + "party:UA [General Staff of the Armed Forces of Ukraine]; source:OSCE SMM [OSCE SMM]");
    }

    @Test
    void theSameUnaffiliatedSourceTwiceCountsOnceAndDifferentOnesEach() {
        assertThat(incidentFrom("Reuters", "Reuters").independence().count()).isEqualTo(1);
        assertThat(incidentFrom("Reuters", "AFP").independence().count()).isEqualTo(2);
    }

    @Test
    void aReportWithoutSourceAddsNothing() {
        assertThat(incidentFrom("", "Reuters").independence().count()).isEqualTo(1);
    }

    @Test
    void sourceNamesMatchIgnoringCaseAndSpaces() {
        assertThat(AFFILIATIONS.partyOf("  tass ")).isEqualTo("RU");
        assertThat(AFFILIATIONS.partyOf("Reuters")).isEmpty();
    }

    @Test
    void aSourceAffiliatedToTwoPartiesIsRefused() {
        assertThatThrownBy(() -> SourceAffiliations.of(Map.of("TASS", "RU", "tass", "UA")))
                .hasMessageContaining("affiliated twice");
    }
}
