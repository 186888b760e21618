package org.truce.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.truce.agreement.Agreement;
import org.truce.assessment.Assessment;
import org.truce.assessment.AssessmentEngine;
import org.truce.assessment.Outcome;
import org.truce.format.acled.AcledReader;
import org.truce.format.agreement.AgreementJson;
import org.truce.format.result.FindingsJsonlWriter;
import org.truce.report.Report;
import org.truce.target.TargetLexicon;
import org.truce.zone.Zone;

/**
 * The path of a report that gets a listed finding in {@code truce assess}: the engine's
 * assessments, their trace sentences, and the JSON lines of the concerns (possible violations and
 * undetermined ones). {@value #REPORTS} synthetic reports that each get at least one, against the
 * benchmark's agreement (energy moratorium, 3 km; contact-line ceasefire, 15 km), 50,000
 * facilities and the synthetic line of contact.
 */
@State(Scope.Benchmark)
public class ListedFindingBenchmark {

    static final int REPORTS = 2_000;

    private static final String AGREEMENT = """
            {
              "id": "bench-agreement",
              "commitments": [
                {"id": "energy-moratorium", "kind": "strike_moratorium", "protected_category_prefix": "energy.",
                 "from": "2025-03-18", "until_exclusive": "2025-04-17",
                 "event_types": ["Explosions/Remote violence"], "radius_m": 3000},
                {"id": "contact-line-ceasefire", "kind": "ceasefire_zone",
                 "from": "2025-03-18", "until_exclusive": "2025-04-17",
                 "event_types": ["Explosions/Remote violence", "Battles"], "buffer_m": 15000}
              ]
            }
            """;

    AssessmentEngine engine;
    Report[] reports;

    @Setup
    public void setUp() throws IOException, org.truce.format.agreement.AgreementFormatException {
        Agreement agreement = AgreementJson.parse(AGREEMENT, "bench-agreement.json");
        engine = new AssessmentEngine(agreement, Synthetic.facilities(50_000, 1L),
                List.of(new Zone.Line("line_of_contact", "", Synthetic.lineOfContact())), TargetLexicon.builtIn());
        List<Report> listed = new ArrayList<>();
        new AcledReader(org.truce.format.RejectSink.ignoring()).read(new ByteArrayInputStream(Synthetic.acledCsv(400_000, 9L)), "bench.csv",
                r -> {
                    if (listed.size() < REPORTS && engine.assess(r).stream().anyMatch(a -> a.outcome() != Outcome.OUT_OF_SCOPE)) {
                        listed.add(r);
                    }
                });
        if (listed.size() < REPORTS) {
            throw new IllegalStateException("only " + listed.size() + " reports with a listed finding");
        }
        reports = listed.toArray(new Report[0]);
    }

    /** Reports per second: assessed, and their concerns encoded as JSON lines. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(REPORTS)
    public long assessAndEncode() {
        long bytes = 0;
        List<Assessment> concerns = new ArrayList<>(2);
        for (Report r : reports) {
            concerns.clear();
            for (Assessment a : engine.assess(r)) {
                if (a.outcome() != Outcome.OUT_OF_SCOPE) {
                    concerns.add(a);
                }
            }
            bytes += FindingsJsonlWriter.encodeLines(r, concerns).length();
        }
        return bytes;
    }
}
