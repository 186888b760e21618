package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FEATURE UNDER TEST: {@code truce agreement show} prints the exchange ledger and the timeline
 * that sit beside the agreement, and stops with a located message when one of them is broken.
 */
class AgreementShowCommandTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = TruceCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Path example() {
        return SharedFolder.repoRoot().resolve("examples/2025-03-18-call");
    }

    @Test
    void theExampleShowsItsExchangesAndTimelineAfterTheCommitments() {
        Run r = run("agreement", "show", example().resolve("agreement.json").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Commitments (", "Exchanges (1)", "N-for-N balance of pow-exchange-2025-03-19",
                "by RU: 22-23 (promised 23)", "Discrepancies between sources", "Timeline (7 milestones");
        assertThat(r.out().indexOf("Exchanges (1)")).isGreaterThan(r.out().indexOf("Positions ("));
    }

    @Test
    void anAgreementAloneIsShownAlone(@TempDir Path tmp) throws Exception {
        Files.copy(example().resolve("agreement.json"), tmp.resolve("agreement.json"));
        Run r = run("agreement", "show", tmp.resolve("agreement.json").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Commitments (").doesNotContain("Exchanges (", "Timeline (");
    }

    @Test
    void aBrokenExchangesFileStopsWithItsLineAndPrintsNothingElse(@TempDir Path tmp) throws Exception {
        Files.copy(example().resolve("agreement.json"), tmp.resolve("agreement.json"));
        Files.writeString(tmp.resolve("exchanges.json"), """
                {"agreement": "2025-03-18-call",
                 "exchanges": []}
                """);
        Run r = run("agreement", "show", tmp.resolve("agreement.json").toString());
        assertThat(r.exit()).isEqualTo(TruceCli.EXIT_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("exchanges.json:2:2: exchanges: expected an array of exchange objects"
                + " (at least one), found an empty array");
    }
}
