package org.truce.bench;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.truce.facility.ProtectedObject;
import org.truce.facility.ProtectedObjectIndex;
import org.truce.geo.GeoPoint;

/**
 * {@link ProtectedObjectIndex#nearestWithin} with the moratorium's 3,000 m radius: 50,000
 * candidates laid out like gen.py's facilities (the {@code energy.*} ones, about 55%, are
 * indexed), and {@value #QUERIES} query points, half near towns and half anywhere in the box.
 */
@State(Scope.Benchmark)
public class NearestObjectBenchmark {

    static final int OBJECTS = 50_000;
    static final int QUERIES = 4_096;
    static final double RADIUS_M = 3_000;

    List<ProtectedObject> objects;
    ProtectedObjectIndex index;
    GeoPoint[] queries;

    @Setup
    public void setUp() {
        objects = Synthetic.facilities(OBJECTS, 7L);
        index = buildIndex();
        queries = Synthetic.queryPoints(QUERIES, 11L);
    }

    /** Queries per second; each returns the nearest protected object within the radius, if any. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(QUERIES)
    public double nearestWithin() {
        double sum = 0;
        for (GeoPoint q : queries) {
            Optional<ProtectedObjectIndex.Nearest> hit = index.nearestWithin(q, RADIUS_M);
            if (hit.isPresent()) {
                sum += hit.get().distance_m();
            }
        }
        return sum;
    }

    /**
     * Queries per second of "any protected object within 53 km?", the row screen's question for a
     * location known to +/-50 km (radius + uncertainty); it goes to the coarse grid.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(QUERIES)
    public int anyWithinWide() {
        int found = 0;
        for (GeoPoint q : queries) {
            if (index.anyWithin(q, RADIUS_M + 50_000)) {
                found++;
            }
        }
        return found;
    }

    /** The same with a location known to +/-10 km (13 km), at the edge of the switch between grids. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(QUERIES)
    public int anyWithin13km() {
        int found = 0;
        for (GeoPoint q : queries) {
            if (index.anyWithin(q, RADIUS_M + 10_000)) {
                found++;
            }
        }
        return found;
    }

    /** Milliseconds to index the 50,000 candidates (filter, sort by id, grid). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ProtectedObjectIndex buildIndex() {
        return ProtectedObjectIndex.of(objects, o -> o.category().startsWith("energy."), RADIUS_M);
    }
}
