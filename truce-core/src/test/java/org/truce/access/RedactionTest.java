package org.truce.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.truce.incident.VerificationStatus;

/**
 * FEATURE UNDER TEST (issue 8, redaction): one place decides what each role reads. Source
 * identities and a monitor's exact position never reach the public or a party's liaison;
 * coordinates are coarsened for them; a field nobody has decided on stays out.
 */
class RedactionTest {

    private final Redaction redaction = new Redaction(FieldCatalog.builtIn(), 0.1);

    /** A monitor's report of a strike near a substation, as the API shows it. */
    private static Map<String, Object> monitorReport() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", 42);
        r.put("source_id", "monitor-team-3");
        r.put("event_date", "2025-03-21");
        r.put("event_type", "Explosions/Remote violence");
        r.put("actor1", "Military Forces of Russia (2000-)");
        r.put("location", "Vilniansk");
        r.put("latitude", 47.94137);
        r.put("longitude", 35.43312);
        r.put("notes", "Team 3 heard two explosions from its post on the ridge.");
        r.put("extra", Map.of("team_vehicle", "UN-07"));
        r.put("findings", List.of(Map.of("outcome", "possible_violation", "party", "RU")));
        return r;
    }

    @Test
    void thePublicGetsNoSourceIdentityNoFreeTextAndCoarsenedCoordinates() {
        Redaction.Redacted pub = redaction.apply("report", monitorReport(), Role.PUBLIC);

        assertThat(pub.view()).doesNotContainKeys("source_id", "location", "notes")
                .containsEntry("event_date", "2025-03-21")
                .containsEntry("latitude", 47.9)
                .containsEntry("longitude", 35.4);
        assertThat(pub.view().get("extra")).isEqualTo(Map.of());
        assertThat(pub.removed()).contains("report.source_id", "report.location", "report.notes",
                "report.extra.team_vehicle");
        assertThat(pub.coarsened()).containsExactly("report.latitude", "report.longitude");
    }

    @Test
    void aPartyLiaisonReadsWhatThePublicReadsAboutFields() {
        Redaction.Redacted liaison = redaction.apply("report", monitorReport(), Role.liaisonOf("RU"));
        Redaction.Redacted pub = redaction.apply("report", monitorReport(), Role.PUBLIC);

        assertThat(liaison).isEqualTo(pub);
    }

    @Test
    void aGuarantorReadsWhoReportedButNotTheExactPosition() {
        Redaction.Redacted g = redaction.apply("report", monitorReport(), Role.of(RoleKind.GUARANTOR));

        assertThat(g.view()).containsEntry("source_id", "monitor-team-3").containsEntry("notes",
                "Team 3 heard two explosions from its post on the ridge.");
        assertThat(g.view()).containsEntry("latitude", 47.9);
        assertThat(g.coarsened()).containsExactly("report.latitude", "report.longitude");
    }

    @Test
    void anAnalystReadsEverythingAsItIs() {
        Redaction.Redacted a = redaction.apply("report", monitorReport(), Role.of(RoleKind.ANALYST));

        assertThat(a.view()).isEqualTo(monitorReport());
        assertThat(a.removed()).isEmpty();
        assertThat(a.coarsened()).isEmpty();
    }

    @Test
    void aFieldTheCatalogDoesNotNameStaysOutForEveryoneBelowSecretAndIsListedAsUndecided() {
        Map<String, Object> withNew = monitorReport();
        withNew.put("informant_phone", "+380 00 000 0000");

        assertThat(redaction.apply("report", withNew, Role.of(RoleKind.GUARANTOR)).view())
                .doesNotContainKey("informant_phone");
        assertThat(redaction.uncatalogued("report", withNew))
                .as("the findings in brief inside a report view have their line (report.findings[].*)")
                .containsExactly("report.informant_phone");
    }

    @Test
    void theSameViewAndRoleAlwaysGiveTheSameResult() {
        Role role = Role.liaisonOf("UA");
        assertThat(redaction.apply("report", monitorReport(), role))
                .isEqualTo(redaction.apply("report", monitorReport(), role));
    }

    @Test
    void findingsAndTheirTracesArePublic() {
        Map<String, Object> finding = Map.of(
                "commitment_id", "energy-moratorium",
                "outcome", "possible_violation",
                "trace", List.of(Map.of("condition", "window", "verdict", "holds", "detail", "2025-03-21 in window")),
                "evidence", Map.of("kind", "nearest_object", "object", Map.of("id", "F1"), "distance_m", 820.0));

        Redaction.Redacted pub = redaction.apply("finding", finding, Role.PUBLIC);

        assertThat(pub.view()).isEqualTo(finding);
        assertThat(redaction.uncatalogued("finding", finding)).isEmpty();
    }

    @Test
    void thePublicSeesSettledIncidentsOnlyAndALiaisonAlsoThoseThatConcernItsParty() {
        Set<String> againstRu = Set.of("RU");

        assertThat(RecordScope.sees(Role.PUBLIC, VerificationStatus.REPORTED, againstRu)).isFalse();
        assertThat(RecordScope.sees(Role.PUBLIC, VerificationStatus.DISPUTED, againstRu)).isFalse();
        assertThat(RecordScope.sees(Role.PUBLIC, VerificationStatus.VERIFIED, againstRu)).isTrue();
        assertThat(RecordScope.sees(Role.PUBLIC, VerificationStatus.REFUTED, againstRu)).isTrue();
        assertThat(RecordScope.sees(Role.liaisonOf("RU"), VerificationStatus.REPORTED, againstRu)).isTrue();
        assertThat(RecordScope.sees(Role.liaisonOf("UA"), VerificationStatus.REPORTED, againstRu)).isFalse();
        assertThat(RecordScope.sees(Role.liaisonOf("UA"), VerificationStatus.VERIFIED, againstRu)).isTrue();
        assertThat(RecordScope.sees(Role.of(RoleKind.MONITOR), VerificationStatus.REPORTED, Set.of())).isTrue();
    }

    @Test
    void aCatalogLineThatIsWrongIsNamedWithItsLine() {
        String bad = "report.id\tpublic\tremove\tok\nreport.notes\topen\tremove\twhy\n";
        assertThatThrownBy(() -> FieldCatalog.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)),
                "fields.tsv"))
                .hasMessage("fields.tsv, line 2: a sensitivity is public, restricted or secret, got 'open'");
        String noWhy = "report.id\tpublic\tremove\t\n";
        assertThatThrownBy(() -> FieldCatalog.read(new ByteArrayInputStream(noWhy.getBytes(StandardCharsets.UTF_8)),
                "fields.tsv"))
                .hasMessage("fields.tsv, line 1: say why 'report.id' is public");
    }
}
