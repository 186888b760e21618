package org.truce.format.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.timeline.ImplementationStatus;
import org.truce.timeline.Milestone;
import org.truce.timeline.Timeline;

/** FEATURE UNDER TEST: the strict reader of timeline files, on the example and on broken files. */
class TimelineJsonTest {

    static Agreement agreement;
    static Timeline example;

    @BeforeAll
    static void load() throws Exception {
        agreement = AgreementJson.load(RepoRoot.example());
        example = TimelineJson.load(RepoRoot.example().resolveSibling(TimelineJson.FILE_NAME), agreement);
    }

    @Test
    void theExampleRunsFromTheJeddahTalksToTheExpertGroups() {
        assertThat(example.milestones()).extracting(Milestone::id).startsWith("jeddah-talks", "us-envoy-moscow")
                .contains("presidents-call", "prisoner-exchange", "expert-groups", "black-sea-talks", "hockey-matches");
        Milestone experts = example.milestones().stream().filter(m -> m.id().equals("expert-groups")).findFirst()
                .orElseThrow();
        assertThat(experts.statusOn(LocalDate.parse("2025-03-20")).orElseThrow().status())
                .isEqualTo(ImplementationStatus.NOT_STARTED);
        assertThat(experts.current().status()).isEqualTo(ImplementationStatus.MINIMAL);
        assertThat(experts.current().source().statement()).isEqualTo("riyadh-talks-2025-03-24");
    }

    @Test
    void theTableListsEachMilestoneWithItsHistory() {
        String table = TimelineTable.render(example);
        assertThat(table).contains("2025-03-11", "jeddah-talks", "full 2025-03-11 (seed-2025-03-19-fr, sentence 21)",
                "not_started 2025-03-18", "minimal 2025-03-24 (riyadh-talks-2025-03-24)");
        assertThat(table.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(AgreementTable.WIDTH));
    }

    @Test
    void problemsNameTheLineAndTheField() {
        String json = """
                {"agreement": "2025-03-18-call",
                 "milestones": [
                   {"id": "m", "date": "2025-03-18", "what": "a match", "commitment": "hockey",
                    "status": [
                      {"on": "2025-03-20", "status": "done", "source": {"statement": "seed-2025-03-19-fr"}},
                      {"on": "2025-03-19", "status": "full"}
                    ]}
                 ]}
                """;
        assertThatThrownBy(() -> TimelineJson.parse(json, "t.json", agreement))
                .hasMessageContaining("t.json:3:57: milestones[0].commitment: no commitment \"hockey\" in agreement")
                .hasMessageContaining("t.json:5:28: milestones[0].status[0].status: expected one of not_started,"
                        + " minimal, intermediate, full, found \"done\"")
                .hasMessageContaining("milestones[0].status[1].source: missing; expected an object (source)");
    }

    @Test
    void statusChangesOutOfOrderAreRefused() {
        String json = """
                {"agreement": "2025-03-18-call",
                 "milestones": [
                   {"id": "m", "date": "2025-03-18", "what": "a match",
                    "status": [
                      {"on": "2025-03-20", "status": "minimal", "source": {"statement": "seed-2025-03-19-fr"}},
                      {"on": "2025-03-19", "status": "full", "source": {"statement": "seed-2025-03-19-fr"}}
                    ]}
                 ]}
                """;
        assertThatThrownBy(() -> TimelineJson.parse(json, "t.json", agreement))
                .hasMessageContaining("milestones[0].status[1]: status changes must be in date order;"
                        + " 2025-03-19 does not come after 2025-03-20");
    }
}
