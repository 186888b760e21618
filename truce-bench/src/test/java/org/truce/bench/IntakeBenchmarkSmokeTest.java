package org.truce.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the intake benchmark's core once, small, on H2 (never PostgreSQL here), so that a broken
 * benchmark fails the build. The figures it prints mean nothing at this size.
 */
class IntakeBenchmarkSmokeTest {

    @Test
    @Timeout(300) // a guard against a hang only: on a machine loaded by other builds the start alone took 20 s
    void fiftyReportsFromTwoClientsAreAllStoredWithoutErrors() throws Exception {
        Path examples = Path.of("..").resolve(IntakeBenchmark.EXAMPLE);
        if (!Files.isDirectory(examples)) {
            examples = Path.of(IntakeBenchmark.EXAMPLE);
        }
        IntakeBenchmark.Result r = IntakeBenchmark.runOnH2(
                new IntakeBenchmark.Options("h2", 50, 2, 0, 7, examples, "lean"));
        assertThat(r.errors()).isZero();
        assertThat(r.storedReports()).isEqualTo(50);
        assertThat(r.withFindings()).isPositive();
        assertThat(r.p50()).isPositive().isLessThanOrEqualTo(r.max());
        // The writer thread was found by its name and did the writing.
        assertThat(r.writerCpuMsPerReport()).isPositive();
        // truce verify's audit of the filled database: three entries per report at least, no problem.
        assertThat(r.recordEntries()).isGreaterThanOrEqualTo(150);
        assertThat(r.recordProblems()).isZero();
    }

    @Test
    void percentileIsTheNearestRank() {
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(IntakeBenchmark.percentile(sorted, 0.5)).isEqualTo(5);
        assertThat(IntakeBenchmark.percentile(sorted, 0.99)).isEqualTo(10);
        assertThat(IntakeBenchmark.percentile(sorted, 0.9)).isEqualTo(9);
    }
}
