package org.truce.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.report.ReportBuilder.report;
import static org.truce.incident.VerificationStatus.CORROBORATED;
import static org.truce.incident.VerificationStatus.DISPUTED;
import static org.truce.incident.VerificationStatus.REFUTED;
import static org.truce.incident.VerificationStatus.REPORTED;
import static org.truce.incident.VerificationStatus.VERIFIED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VerificationTest {

    private static final Instant T = Instant.parse("2025-03-21T12:00:00Z");

    /** The workflow, written out: every pair not here is refused. */
    private static final Set<List<VerificationStatus>> EXPECTED_ALLOWED = Set.of(
            List.of(REPORTED, CORROBORATED), List.of(REPORTED, DISPUTED), List.of(REPORTED, REFUTED),
            List.of(CORROBORATED, VERIFIED), List.of(CORROBORATED, DISPUTED), List.of(CORROBORATED, REFUTED),
            List.of(CORROBORATED, REPORTED),
            List.of(VERIFIED, DISPUTED),
            List.of(DISPUTED, CORROBORATED), List.of(DISPUTED, VERIFIED), List.of(DISPUTED, REFUTED),
            List.of(REFUTED, DISPUTED));

    /** An incident from two independent sources (OSCE, Reuters), created by "grouper", B submitted by "ivan". */
    private static Incident incident(VerificationStatus status) {
        List<Member> members = List.of(
                new Member(report("A").from("OSCE SMM").build(), "", "", new JoinReason.Anchor()),
                new Member(report("B").from("Reuters").build(), "", "ivan",
                        new JoinReason.Near("A", 0, 5_000, 0, 1, TypeRelation.SAME_TYPE)));
        return new Incident("INC-A", members, status, new TreeSet<>(Set.of("grouper")));
    }

    private static IncidentLedger ledgerAt(VerificationStatus status) {
        return IncidentLedger.of(List.of(incident(status)), "grouper", T, "test fixture");
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (VerificationStatus from : VerificationStatus.values()) {
            for (VerificationStatus to : VerificationStatus.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    @Test
    void theTableIsTheDocumentedOne() {
        Set<List<VerificationStatus>> table = new java.util.HashSet<>();
        Verification.ALLOWED.forEach((from, tos) -> tos.forEach(to -> table.add(List.of(from, to))));
        assertThat(table).isEqualTo(EXPECTED_ALLOWED);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void everyChangeIsAllowedOrRefusedAsTheTableSays(VerificationStatus from, VerificationStatus to) {
        IncidentLedger ledger = ledgerAt(from);
        if (EXPECTED_ALLOWED.contains(List.of(from, to))) {
            IncidentLedger changed = ledger.changeStatus("INC-A", to, "olena", T, "checked");
            assertThat(changed.incident("INC-A").status()).isEqualTo(to);
            LedgerEntry entry = changed.history("INC-A").get(1);
            assertThat(entry.operation()).isEqualTo(new Operation.StatusChanged("INC-A", from, to));
            assertThat(entry.by()).isEqualTo("olena");
            assertThat(entry.at()).isEqualTo(T);
            assertThat(entry.why()).isEqualTo("checked");
        } else if (from == to) {
            assertThatThrownBy(() -> ledger.changeStatus("INC-A", to, "olena", T, "checked"))
                    .isInstanceOf(OperationRefused.class)
                    .hasMessage("incident INC-A is already " + to.label());
        } else {
            assertThatThrownBy(() -> ledger.changeStatus("INC-A", to, "olena", T, "checked"))
                    .isInstanceOf(OperationRefused.class)
                    .hasMessageStartingWith("incident INC-A cannot go from " + from.label() + " to " + to.label()
                            + "; from " + from.label() + " it can go to ");
        }
    }

    @Test
    void theRefusalNamesTheAllowedNextStatuses() {
        assertThat(Verification.refusal(incident(REPORTED), VERIFIED, "olena")).contains(
                "incident INC-A cannot go from reported to verified; from reported it can go to "
                        + "corroborated, disputed, refuted");
    }

    @Test
    void corroborationNeedsTwoIndependentSources() {
        var partyOnly = new IncidentGrouper(GroupingRules.DEFAULT,
                SourceAffiliations.of(java.util.Map.of("Ministry of Defence of Russia", "RU", "TASS", "RU")))
                .group(List.of(report("A").from("Ministry of Defence of Russia").build(),
                        report("B").from("TASS").build()), "grouper");
        IncidentLedger ledger = IncidentLedger.of(partyOnly, "grouper", T, "test fixture");
        assertThatThrownBy(() -> ledger.changeStatus("INC-A", CORROBORATED, "olena", T, "two reports"))
                .isInstanceOf(OperationRefused.class)
                .hasMessage("incident INC-A cannot be corroborated: it needs 2 independent sources and has "
                        + "1 independent; party:RU [Ministry of Defence of Russia, TASS]");
    }

    @Test
    void fourEyesTheCreatorCannotVerify() {
        assertThatThrownBy(() -> ledgerAt(CORROBORATED).changeStatus("INC-A", VERIFIED, "grouper", T, "looks fine"))
                .isInstanceOf(OperationRefused.class)
                .hasMessage("incident INC-A cannot be verified by grouper, who created it (four eyes)");
    }

    @Test
    void fourEyesTheSubmitterOfAReportCannotVerify() {
        assertThatThrownBy(() -> ledgerAt(DISPUTED).changeStatus("INC-A", VERIFIED, "ivan", T, "I saw it"))
                .isInstanceOf(OperationRefused.class)
                .hasMessage("incident INC-A cannot be verified by ivan, who submitted its report B (four eyes)");
    }

    @Test
    void fourEyesTheAnalystWhoSplitAnIncidentOffCannotVerifyIt() {
        IncidentLedger ledger = IncidentLedger.of(List.of(incident(REPORTED)), "grouper", T, "test fixture")
                .split("INC-A", Set.of("B"), "olena", T, "B is another strike")
                .merge("INC-A", "INC-B", "ivan", T, "no, the same strike")
                .changeStatus("INC-A", CORROBORATED, "ivan", T, "OSCE and Reuters");
        assertThat(ledger.incident("INC-B").createdBy()).containsExactly("grouper", "olena");
        assertThatThrownBy(() -> ledger.changeStatus("INC-A", VERIFIED, "olena", T, "checked"))
                .isInstanceOf(OperationRefused.class).hasMessageContaining("who created it (four eyes)");
        assertThat(ledger.changeStatus("INC-A", VERIFIED, "maria", T, "video geolocated").incident("INC-A").status())
                .isEqualTo(VERIFIED);
    }

    @Test
    void aStatusChangeNeedsAReason() {
        assertThatThrownBy(() -> ledgerAt(REPORTED).changeStatus("INC-A", DISPUTED, "olena", T, ""))
                .isInstanceOf(OperationRefused.class).hasMessage("say why the change is made");
    }
}
