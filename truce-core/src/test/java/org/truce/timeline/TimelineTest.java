package org.truce.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.agreement.CommitmentTerms;
import org.truce.agreement.ProcessMilestone;
import org.truce.agreement.SourceRef;
import org.truce.agreement.Statement;

/**
 * FEATURE UNDER TEST: milestones on the implementation scale, with the status in force on any day
 * and the source of each change.
 *
 * <pre>
 *   18 Mar  expert groups agreed ........ not_started (readout)
 *   24 Mar  first technical round ....... minimal     (talks)
 *   11 Mar  talks held .................. full        (readout)
 * </pre>
 */
class TimelineTest {

    static final Agreement AGREEMENT = new Agreement("a", "", List.of(new Statement("readout", "readout", "", null, "")),
            List.of(), List.of(new ProcessMilestone(new CommitmentTerms("experts", "", List.of(), List.of(), List.of(),
                    List.of(), null), ProcessMilestone.Step.EXPERT_GROUP, "expert groups", null)), List.of());
    static final List<Statement> OWN = List.of(new Statement("talks", "statements after the talks", "", null, ""));

    static StatusChange change(String on, ImplementationStatus status, String statement) {
        return new StatusChange(LocalDate.parse(on), status, new SourceRef(statement, null, null));
    }

    static final Milestone EXPERTS = new Milestone("experts", LocalDate.parse("2025-03-18"), "expert groups",
            List.of("RU", "US"), "experts", List.of(
                    change("2025-03-18", ImplementationStatus.NOT_STARTED, "readout"),
                    change("2025-03-24", ImplementationStatus.MINIMAL, "talks")));
    static final Milestone TALKS = new Milestone("talks-11", LocalDate.parse("2025-03-11"), "talks", List.of("US", "UA"),
            null, List.of(change("2025-03-11", ImplementationStatus.FULL, "readout")));

    @Test
    void milestonesComeInDateOrder() {
        var timeline = new Timeline(AGREEMENT, OWN, List.of(EXPERTS, TALKS));
        assertThat(timeline.milestones()).extracting(Milestone::id).containsExactly("talks-11", "experts");
    }

    @Test
    void theStatusOnADayIsTheLastChangeUpToItWithItsSource() {
        assertThat(EXPERTS.statusOn(LocalDate.parse("2025-03-17"))).isEmpty();
        assertThat(EXPERTS.statusOn(LocalDate.parse("2025-03-23")).orElseThrow().status())
                .isEqualTo(ImplementationStatus.NOT_STARTED);
        StatusChange now = EXPERTS.statusOn(LocalDate.parse("2025-03-24")).orElseThrow();
        assertThat(now.status()).isEqualTo(ImplementationStatus.MINIMAL);
        assertThat(now.source().statement()).isEqualTo("talks");
        assertThat(EXPERTS.current()).isEqualTo(now);
    }

    @Test
    void changesMustBeInDateOrder() {
        assertThatThrownBy(() -> new Milestone("m", LocalDate.parse("2025-03-18"), "m", List.of(), null, List.of(
                change("2025-03-24", ImplementationStatus.MINIMAL, "talks"),
                change("2025-03-18", ImplementationStatus.NOT_STARTED, "readout"))))
                .hasMessageContaining("must be in date order");
    }

    @Test
    void referencesMustResolve() {
        var unknownCommitment = new Milestone("m", LocalDate.parse("2025-03-18"), "m", List.of(), "hockey",
                List.of(change("2025-03-18", ImplementationStatus.NOT_STARTED, "readout")));
        assertThatThrownBy(() -> new Timeline(AGREEMENT, OWN, List.of(unknownCommitment)))
                .hasMessage("milestone m: no commitment hockey in agreement a");
        var unknownSource = new Milestone("m", LocalDate.parse("2025-03-18"), "m", List.of(), null,
                List.of(change("2025-03-18", ImplementationStatus.NOT_STARTED, "rumour")));
        assertThatThrownBy(() -> new Timeline(AGREEMENT, OWN, List.of(unknownSource)))
                .hasMessage("milestone m: unknown statement rumour");
    }
}
