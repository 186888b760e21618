package org.truce.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.report.ReportBuilder.PROTEST;
import static org.truce.report.ReportBuilder.report;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.truce.report.Report;

class IncidentLedgerTest {

    private static final Instant T0 = Instant.parse("2025-03-21T08:00:00Z");
    private static final Instant T1 = Instant.parse("2025-03-21T09:00:00Z");
    private static final Instant T2 = Instant.parse("2025-03-21T10:00:00Z");

    // Three incidents, 20 km apart along the meridian:
    //
    //   INC-A (A1, A2 at 0 km)     INC-B (B1 at 20 km)     INC-C (C1 at 40 km, a protest)
    private static IncidentLedger ledger() {
        List<Report> reports = List.of(
                report("A1").from("OSCE SMM").build(),
                report("A2").north_m(1_000).from("Reuters").build(),
                report("B1").north_m(20_000).from("AFP").build(),
                report("C1").north_m(40_000).type(PROTEST).build());
        var incidents = new IncidentGrouper(GroupingRules.DEFAULT, SourceAffiliations.NONE).group(reports, "grouper");
        return IncidentLedger.of(incidents, "grouper", T0, "automatic grouping");
    }

    @Test
    void startsWithOneCreatedEntryPerIncident() {
        IncidentLedger ledger = ledger();
        assertThat(ledger.incidents()).extracting(Incident::id).containsExactly("INC-A1", "INC-B1", "INC-C1");
        assertThat(ledger.entries()).extracting(LedgerEntry::operation).containsExactly(
                new Operation.Created("INC-A1", List.of("A1", "A2")),
                new Operation.Created("INC-B1", List.of("B1")),
                new Operation.Created("INC-C1", List.of("C1")));
    }

    @Test
    void mergeRedirectsTheAbsorbedIdAndKeepsWhoWhenWhy() {
        IncidentLedger merged = ledger().merge("INC-A1", "INC-B1", "olena", T1, "same strike, B1 geocoded to the next village");
        assertThat(merged.incidents()).extracting(Incident::id).containsExactly("INC-A1", "INC-C1");
        assertThat(merged.resolve("INC-B1")).isEqualTo("INC-A1");
        assertThat(merged.incident("INC-B1").reportIds()).containsExactly("A1", "A2", "B1");
        assertThat(merged.redirects()).containsExactly(java.util.Map.entry("INC-B1", "INC-A1"));
        // B1 was its incident's anchor; it now says it came in with the merge.
        assertThat(merged.incident("INC-A1").members().get(2).reason())
                .isEqualTo(new JoinReason.MergedIn("INC-B1", "olena", "same strike, B1 geocoded to the next village"));
        LedgerEntry last = merged.history("INC-B1").get(merged.history("INC-B1").size() - 1);
        assertThat(last.by()).isEqualTo("olena");
        assertThat(last.at()).isEqualTo(T1);
        assertThat(last.why()).isEqualTo("same strike, B1 geocoded to the next village");
        assertThat(last.operation()).isEqualTo(new Operation.Merged("INC-A1", "INC-B1", VerificationStatus.REPORTED));
        // The survivor's history holds both creations and the merge; the other incident's is untouched.
        assertThat(merged.history("INC-A1")).extracting(LedgerEntry::seq).containsExactly(1, 2, 4);
        assertThat(merged.history("INC-C1")).extracting(LedgerEntry::seq).containsExactly(3);
    }

    @Test
    void redirectsFollowChainsOfMerges() {
        IncidentLedger ledger = ledger()
                .merge("INC-B1", "INC-A1", "olena", T1, "same strike")
                .split("INC-B1", Set.of("A2"), "olena", T1, "A2 is a later strike")
                .merge("INC-A2", "INC-B1", "ivan", T2, "same strike after all");
        assertThat(ledger.resolve("INC-A1")).isEqualTo("INC-A2");
        assertThat(ledger.resolve("INC-B1")).isEqualTo("INC-A2");
        assertThat(ledger.incident("INC-A1").reportIds()).containsExactly("A1", "A2", "B1");
    }

    @Test
    void splitMovesReportsToANewIncidentAndTheOldIdKeepsTheRest() {
        IncidentLedger split = ledger().split("INC-A1", Set.of("A2"), "olena", T1, "A2 describes a second strike");
        assertThat(split.incident("INC-A1").reportIds()).containsExactly("A1");
        Incident created = split.incident("INC-A2");
        assertThat(created.reportIds()).containsExactly("A2");
        assertThat(created.status()).isEqualTo(VerificationStatus.REPORTED);
        assertThat(created.createdBy()).containsExactly("olena");
        assertThat(created.members().get(0).reason())
                .isEqualTo(new JoinReason.SplitOff("INC-A1", "olena", "A2 describes a second strike"));
        assertThat(split.history("INC-A2")).extracting(LedgerEntry::operation).containsExactly(
                new Operation.Split("INC-A1", "INC-A2", List.of("A2"), VerificationStatus.REPORTED));
        assertThat(split.redirects()).isEmpty();
    }

    @Test
    void aSplitIdUsedBeforeGetsASuffix() {
        IncidentLedger ledger = ledger()
                .merge("INC-A1", "INC-B1", "olena", T1, "same strike")
                .split("INC-A1", Set.of("B1"), "olena", T2, "not the same strike after all");
        // INC-B1 still redirects to INC-A1, so the new incident cannot take that id.
        assertThat(ledger.incidents()).extracting(Incident::id).containsExactly("INC-A1", "INC-B1-2", "INC-C1");
        assertThat(ledger.resolve("INC-B1")).isEqualTo("INC-A1");
    }

    @Test
    void mergeTakesTheWeakerStatusAndDisputeWins() {
        IncidentLedger ledger = ledger().changeStatus("INC-A1", VerificationStatus.CORROBORATED, "olena", T1, "two sources");
        assertThat(ledger.merge("INC-A1", "INC-B1", "ivan", T2, "same").incident("INC-A1").status())
                .isEqualTo(VerificationStatus.REPORTED);
        IncidentLedger disputed = ledger().changeStatus("INC-B1", VerificationStatus.DISPUTED, "olena", T1, "denied");
        assertThat(disputed.merge("INC-A1", "INC-B1", "ivan", T2, "same").incident("INC-A1").status())
                .isEqualTo(VerificationStatus.DISPUTED);
    }

    @Test
    void splittingAwayTheCorroborationDropsToReported() {
        IncidentLedger ledger = ledger()
                .changeStatus("INC-A1", VerificationStatus.CORROBORATED, "olena", T1, "OSCE and Reuters")
                .split("INC-A1", Set.of("A2"), "ivan", T2, "Reuters describes another strike");
        assertThat(ledger.incident("INC-A1").status()).isEqualTo(VerificationStatus.REPORTED);
        assertThat(ledger.entries().get(ledger.entries().size() - 1).operation())
                .isEqualTo(new Operation.Split("INC-A1", "INC-A2", List.of("A2"), VerificationStatus.REPORTED));
    }

    @Test
    void refusedOperationsSayWhyAndChangeNothing() {
        IncidentLedger ledger = ledger();
        assertThatThrownBy(() -> ledger.merge("INC-A1", "INC-A1", "olena", T1, "oops"))
                .isInstanceOf(OperationRefused.class).hasMessageContaining("already one");
        assertThatThrownBy(() -> ledger.merge("INC-A1", "INC-C1", "olena", T1, "same"))
                .isInstanceOf(OperationRefused.class).hasMessageContaining("one event family");
        assertThatThrownBy(() -> ledger.merge("INC-A1", "INC-Z9", "olena", T1, "same"))
                .isInstanceOf(OperationRefused.class).hasMessage("no incident INC-Z9");
        assertThatThrownBy(() -> ledger.split("INC-A1", Set.of("B1"), "olena", T1, "x"))
                .isInstanceOf(OperationRefused.class).hasMessage("report B1 is not in incident INC-A1");
        assertThatThrownBy(() -> ledger.split("INC-A1", Set.of("A1", "A2"), "olena", T1, "x"))
                .isInstanceOf(OperationRefused.class).hasMessageContaining("must keep at least one report");
        assertThatThrownBy(() -> ledger.split("INC-A1", Set.of(), "olena", T1, "x"))
                .isInstanceOf(OperationRefused.class).hasMessageContaining("name the reports");
        assertThatThrownBy(() -> ledger.merge("INC-A1", "INC-B1", "olena", T1, " "))
                .isInstanceOf(OperationRefused.class).hasMessage("say why the change is made");
        assertThatThrownBy(() -> ledger.merge("INC-A1", "INC-B1", "", T1, "same"))
                .isInstanceOf(OperationRefused.class).hasMessage("say who makes the change");
        assertThat(ledger.entries()).hasSize(3);
        assertThat(ledger.incidents()).hasSize(3);
    }
}
