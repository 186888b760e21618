package org.truce.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.truce.report.ReportBuilder.BATTLE;
import static org.truce.report.ReportBuilder.CIVILIANS;
import static org.truce.report.ReportBuilder.PROTEST;
import static org.truce.report.ReportBuilder.STRIKE;
import static org.truce.report.ReportBuilder.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.report.ReportBuilder;

class IncidentGrouperTest {

    private static final IncidentGrouper GROUPER = new IncidentGrouper(GroupingRules.DEFAULT, SourceAffiliations.NONE);

    private static List<Incident> group(ReportBuilder... reports) {
        List<Report> built = new ArrayList<>();
        for (ReportBuilder r : reports) {
            built.add(r.build());
        }
        return GROUPER.group(built, "grouper");
    }

    private static List<List<String>> reportIds(List<Incident> incidents) {
        return incidents.stream().map(Incident::reportIds).toList();
    }

    // Distance edge, exact places: base 5,000 m.
    //
    //   A ........ 4,999 m ........ B        one incident
    //   A ........ 5,001 m ............ B    two
    @Test
    void exactPlacesJoinWithinFiveKilometresAndNotBeyond() {
        assertThat(reportIds(group(report("A"), report("B").north_m(4_999)))).containsExactly(List.of("A", "B"));
        assertThat(reportIds(group(report("A"), report("B").north_m(5_001))))
                .containsExactly(List.of("A"), List.of("B"));
    }

    @Test
    void reasonGivesDistanceDaysAndTypeRelation() {
        Incident incident = group(report("A"), report("B").north_m(3_000).on("2025-03-21")).get(0);
        assertThat(incident.id()).isEqualTo("INC-A");
        assertThat(incident.members().get(0).reason()).isEqualTo(new JoinReason.Anchor());
        var near = (JoinReason.Near) incident.members().get(1).reason();
        assertThat(near.anchorReportId()).isEqualTo("A");
        assertThat(near.distance_m()).isCloseTo(3_000, within(1e-6));
        assertThat(near.allowedDistance_m()).isEqualTo(5_000);
        assertThat(near.daysApart()).isEqualTo(1);
        assertThat(near.allowedDays()).isEqualTo(1);
        assertThat(near.typeRelation()).isEqualTo(TypeRelation.SAME_TYPE);
    }

    // Time edge, known days: base 1 day.
    @Test
    void knownDaysJoinOneDayApartButNotTwo() {
        assertThat(reportIds(group(report("A"), report("B").on("2025-03-21")))).containsExactly(List.of("A", "B"));
        assertThat(reportIds(group(report("A"), report("B").on("2025-03-22"))))
                .containsExactly(List.of("A"), List.of("B"));
    }

    // Geo precision straddle: a NEAR report (+/-10 km) may lie 15 km away, an exact one may not.
    //
    //   A(exact) ............ 14,900 m ............ B(near, +/-10 km)   one incident (allowed 15,000 m)
    //   A(exact) ............ 14,900 m ............ B(exact)            two
    @Test
    void geoPrecisionWidensTheDistance() {
        assertThat(reportIds(group(report("A"), report("B").north_m(14_900).placeKnownTo(GeoPrecision.NEAR))))
                .containsExactly(List.of("A", "B"));
        assertThat(reportIds(group(report("A"), report("B").north_m(15_100).placeKnownTo(GeoPrecision.NEAR))))
                .hasSize(2);
        assertThat(reportIds(group(report("A"), report("B").north_m(14_900)))).hasSize(2);
        // Two region-level reports: 5 + 50 + 50 km.
        assertThat(reportIds(group(report("A").placeKnownTo(GeoPrecision.REGION),
                report("B").north_m(104_000).placeKnownTo(GeoPrecision.REGION)))).hasSize(1);
    }

    // Time precision straddle: a week-precision report (+/-3 days) may be 4 days off.
    @Test
    void timePrecisionWidensTheDays() {
        assertThat(reportIds(group(report("A"), report("B").on("2025-03-24").dayKnownTo(TimePrecision.WEEK))))
                .hasSize(1);
        assertThat(reportIds(group(report("A"), report("B").on("2025-03-25").dayKnownTo(TimePrecision.WEEK))))
                .hasSize(2);
        assertThat(reportIds(group(report("A"), report("B").on("2025-04-05").dayKnownTo(TimePrecision.MONTH))))
                .hasSize(1);
        assertThat(reportIds(group(report("A"), report("B").on("2025-04-06").dayKnownTo(TimePrecision.MONTH))))
                .hasSize(2);
    }

    @Test
    void compatibleTypesJoinAndSayCompatible() {
        Incident incident = group(report("A"), report("B").type(CIVILIANS)).get(0);
        assertThat(incident.reportIds()).containsExactly("A", "B");
        assertThat(((JoinReason.Near) incident.members().get(1).reason()).typeRelation())
                .isEqualTo(TypeRelation.COMPATIBLE);
        assertThat(incident.family()).isEqualTo(EventFamily.POLITICAL_VIOLENCE);
        assertThat(incident.eventTypes()).containsExactly(STRIKE, CIVILIANS);
    }

    @Test
    void incompatibleTypesStayApart() {
        assertThat(group(report("A").type(BATTLE), report("B").type(CIVILIANS))).hasSize(2);
        assertThat(group(report("A"), report("B").type(PROTEST))).hasSize(2);
        assertThat(group(report("A").type("Shelling"), report("B").type("shelling"))).hasSize(2);
    }

    @Test
    void aCompatibilityPairAcrossFamiliesIsRefused() {
        assertThatThrownBy(() -> TypeCompatibility.of(List.of(List.of(STRIKE, PROTEST))))
                .hasMessageContaining("different families");
    }

    // A daily shelling of one town, day 1 to day 6, all at the same spot: compared with the anchor
    // only, it makes incidents of two days each, not one six-day chain.
    @Test
    void aDailySeriesDoesNotChainIntoOneIncident() {
        List<Incident> incidents = group(report("D1").on("2025-03-01"), report("D2").on("2025-03-02"),
                report("D3").on("2025-03-03"), report("D4").on("2025-03-04"), report("D5").on("2025-03-05"),
                report("D6").on("2025-03-06"));
        assertThat(reportIds(incidents)).containsExactly(List.of("D1", "D2"), List.of("D3", "D4"), List.of("D5", "D6"));
    }

    // The best-located report anchors the incident, whatever its id.
    @Test
    void theBestLocatedReportIsTheAnchor() {
        Incident incident = group(report("A").placeKnownTo(GeoPrecision.NEAR).north_m(8_000), report("B")).get(0);
        assertThat(incident.id()).isEqualTo("INC-B");
        assertThat(incident.members().get(1).reason()).isEqualTo(new JoinReason.Anchor());
    }

    // A report near two anchors joins the one fewer days away, then the nearer.
    //
    //   A (20 Mar) ------- 3 km ------- X (21 Mar) -- 2.5 km -- B (21 Mar)
    //   B is 5.5 km from A: its own anchor. X matches both; B is 0 days away, A is 1.
    @Test
    void aReportBetweenTwoAnchorsJoinsTheCloserInTime() {
        List<Incident> incidents = group(report("A"), report("B").north_m(5_000 + 500).on("2025-03-21"),
                report("X").north_m(3_000).on("2025-03-21"));
        assertThat(reportIds(incidents)).containsExactly(List.of("A"), List.of("B", "X"));
    }

    @Test
    void theSameReportsInAnyOrderGiveTheSameIncidents() {
        Random random = new Random(42);
        List<Report> reports = new ArrayList<>();
        String[] types = {STRIKE, CIVILIANS, BATTLE, PROTEST};
        for (int i = 0; i < 300; i++) {
            reports.add(report(String.format("R%03d", i))
                    .at(48.0 + random.nextDouble() * 0.3, 37.0 + random.nextDouble() * 0.3)
                    .on(LocalDate.parse("2025-03-01").plusDays(random.nextInt(20)).toString())
                    .type(types[random.nextInt(types.length)])
                    .placeKnownTo(GeoPrecision.ofCode(1 + random.nextInt(3)))
                    .dayKnownTo(TimePrecision.ofCode(1 + random.nextInt(3)))
                    .build());
        }
        List<Incident> expected = GROUPER.group(reports, "grouper");
        assertThat(expected.size()).isBetween(10, 290);
        for (int seed = 0; seed < 5; seed++) {
            List<Report> shuffled = new ArrayList<>(reports);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(GROUPER.group(shuffled, "grouper")).isEqualTo(expected);
        }
    }

    @Test
    void placeAndSpanCoverEveryReportWithItsPrecision() {
        Incident incident = group(report("A"), report("B").north_m(2_000),
                report("C").north_m(9_000).placeKnownTo(GeoPrecision.NEAR).on("2025-03-22").dayKnownTo(TimePrecision.WEEK))
                .get(0);
        assertThat(incident.reportIds()).containsExactly("A", "B", "C");
        // The centroid is the midpoint of the two exact reports; C may lie 10 km beyond its point.
        assertThat(org.truce.geo.Sphere.distance_m(incident.place().centroid(), report("M").north_m(1_000).build().point()))
                .isLessThan(0.01);
        assertThat(incident.place().radius_m()).isCloseTo(8_000 + 10_000, within(0.01));
        assertThat(incident.span()).isEqualTo(new TimeSpan(LocalDate.parse("2025-03-19"), LocalDate.parse("2025-03-25")));
    }

    @Test
    void submittersAndPartiesAreKeptPerReport() {
        var grouper = new IncidentGrouper(GroupingRules.DEFAULT, SourceAffiliations.of(Map.of("Ministry of Defence of Russia", "RU")));
        Incident incident = grouper.group(List.of(report("A").from("Ministry of Defence of Russia").build(),
                report("B").build()), Map.of("B", "olena"), "grouper").get(0);
        assertThat(incident.members().get(0).party()).isEqualTo("RU");
        assertThat(incident.members().get(1).party()).isEmpty();
        assertThat(incident.members().get(1).submittedBy()).isEqualTo("olena");
        assertThat(incident.createdBy()).containsExactly("grouper");
        assertThat(incident.status()).isEqualTo(VerificationStatus.REPORTED);
    }

    @Test
    void aDuplicateReportIdIsRefused() {
        assertThatThrownBy(() -> group(report("A"), report("A").north_m(100_000)))
                .hasMessageContaining("report id A appears twice");
    }
}
