package org.truce.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.truce.geo.GeoPoint;
import org.truce.geo.Polyline;

/**
 * Distance from a point to the 26-vertex line of contact (25 great-circle arcs), and the cheap
 * bounding-box test that lets the engine skip it, with the ceasefire's 15,000 m buffer. Points
 * fall like gen.py's events: 70% within tens of km of the line, 30% anywhere in the box. Scores
 * are points per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(LineDistanceBenchmark.POINTS)
public class LineDistanceBenchmark {

    static final int POINTS = 4_096;
    static final double BUFFER_M = 15_000;

    Polyline line;
    GeoPoint[] points;

    @Setup
    public void setUp() {
        line = Synthetic.lineOfContact();
        points = Synthetic.pointsNearLine(POINTS, 13L);
    }

    /** The exact distance to every point: 25 arcs each. */
    @Benchmark
    public double distanceTo() {
        double sum = 0;
        for (GeoPoint p : points) {
            sum += line.distanceTo_m(p);
        }
        return sum;
    }

    /** The bounding-box test alone. */
    @Benchmark
    public int certainlyFartherThan() {
        int far = 0;
        for (GeoPoint p : points) {
            if (line.certainlyFartherThan(p, BUFFER_M)) {
                far++;
            }
        }
        return far;
    }

    /** "Within the buffer?" as the engine asks it: the box test first, the arcs only when needed. */
    @Benchmark
    public int withinBufferPruned() {
        int within = 0;
        for (GeoPoint p : points) {
            if (!line.certainlyFartherThan(p, BUFFER_M) && line.distanceTo_m(p) <= BUFFER_M) {
                within++;
            }
        }
        return within;
    }
}
