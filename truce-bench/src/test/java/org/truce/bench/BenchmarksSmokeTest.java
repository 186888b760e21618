package org.truce.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.truce.format.csv.CsvReader;
import org.truce.format.csv.CsvRecord;
import org.truce.geo.GeoPoint;

/**
 * Calls every benchmark method once, outside JMH, and checks that it computes something sane, so
 * that a broken benchmark fails the build instead of measuring nothing. Nothing is timed here.
 */
class BenchmarksSmokeTest {

    @Test
    void csvScanReadsEveryRowWithItsSeventeenFields() throws IOException {
        CsvScanBenchmark b = new CsvScanBenchmark();
        b.prepare();
        assertThat(b.scanRecordsAndFields()).isEqualTo(17L * CsvScanBenchmark.ROWS);
        assertThat(b.scanAndDecodeKeyFields()).isFinite().isPositive();
        assertThat(b.bytesPerRow()).isBetween(200.0, 600.0);
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(b.csv))) {
            int rows = -1;
            int multiLine = 0;
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                assertThat(r.isMalformed()).as("%s", r).isFalse();
                if (rows >= 0) {
                    assertThat(r.doubleValue(11)).isBetween(Synthetic.MIN_LAT, Synthetic.MAX_LAT);
                    multiLine += r.field(15).indexOf('\n') >= 0 ? 1 : 0;
                }
                rows++;
            }
            assertThat(rows).isEqualTo(CsvScanBenchmark.ROWS);
            assertThat(multiLine).isPositive(); // quoted line breaks are part of the workload
        }
    }

    @Test
    void nearestObjectFindsSomeButNotAllQueryPointsNearAProtectedObject() {
        NearestObjectBenchmark b = new NearestObjectBenchmark();
        b.setUp();
        assertThat(b.index.size()).isBetween(25_000, 30_000); // about 55% are energy.*
        assertThat(b.buildIndex().size()).isEqualTo(b.index.size());
        int hits = 0;
        for (GeoPoint q : b.queries) {
            var hit = b.index.nearestWithin(q, NearestObjectBenchmark.RADIUS_M);
            if (hit.isPresent()) {
                hits++;
                assertThat(hit.get().distance_m()).isBetween(0.0, NearestObjectBenchmark.RADIUS_M);
                assertThat(hit.get().object().category()).startsWith("energy.");
            }
        }
        assertThat(hits).isBetween(NearestObjectBenchmark.QUERIES / 20, NearestObjectBenchmark.QUERIES * 3 / 4);
        assertThat(b.nearestWithin()).isPositive();
    }

    @Test
    void lineDistancePruningNeverDropsAPointInsideTheBuffer() {
        LineDistanceBenchmark b = new LineDistanceBenchmark();
        b.setUp();
        assertThat(b.line.vertices()).hasSize(26);
        int within = 0;
        for (GeoPoint p : b.points) {
            if (b.line.distanceTo_m(p) <= LineDistanceBenchmark.BUFFER_M) {
                within++;
            }
        }
        assertThat(within).isBetween(LineDistanceBenchmark.POINTS / 5, LineDistanceBenchmark.POINTS * 3 / 4);
        assertThat(b.withinBufferPruned()).isEqualTo(within);
        int far = b.certainlyFartherThan();
        assertThat(far).isPositive().isLessThanOrEqualTo(LineDistanceBenchmark.POINTS - within);
        assertThat(b.distanceTo()).isPositive();
    }
}
