package org.truce.facility;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.truce.geo.GeoPoint;
import org.truce.geo.Sphere;

/**
 * Finds the nearest protected object within a radius. Objects sit in a lat/lon grid whose cells
 * are about one search radius wide, stored as flat arrays (cell offsets + unit vectors) so a
 * query touches a few cells and no objects. Distances are great-circle on the sphere.
 *
 * <p>Ties: objects are numbered in byte-wise id order, so on an exact tie in distance (co-located
 * objects) the smaller number, which is the smaller id, wins.
 */
public final class ProtectedObjectIndex {

    private final List<ProtectedObject> objects;
    private final double[] x;
    private final double[] y;
    private final double[] z;
    /** Cells of about half the typical radius. */
    private final Grid fine;
    /**
     * Cells {@value #COARSE} times wider, for the wide "anything within?" searches of imprecise
     * locations (radius + 10 or 50 km): in the fine grid such a search walked some seventy rows
     * of a table of millions of cells, a cache miss or two per row, for an answer usually found
     * in the first cells.
     */
    private final Grid coarse;
    private static final int COARSE = 8;
    /** Searches wider than this many fine cells go to the coarse grid. */
    private static final int COARSE_FROM_CELLS = 4;

    private ProtectedObjectIndex(List<ProtectedObject> sorted, double searchRadius_m) {
        this.objects = List.copyOf(sorted);
        int n = objects.size();
        x = new double[n];
        y = new double[n];
        z = new double[n];
        double minLat = 90;
        double maxLat = -90;
        double minLon = 180;
        double maxLon = -180;
        for (int i = 0; i < n; i++) {
            GeoPoint p = objects.get(i).location();
            double lat = Math.toRadians(p.lat_deg());
            double lon = Math.toRadians(p.lon_deg());
            x[i] = Math.cos(lat) * Math.cos(lon);
            y[i] = Math.cos(lat) * Math.sin(lon);
            z[i] = Math.sin(lat);
            minLat = Math.min(minLat, p.lat_deg());
            maxLat = Math.max(maxLat, p.lat_deg());
            minLon = Math.min(minLon, p.lon_deg());
            maxLon = Math.max(maxLon, p.lon_deg());
        }
        if (n == 0) {
            minLat = maxLat = minLon = maxLon = 0;
        }
        // About half a radius per cell (a search then covers 3 to 5 cells a side, less area than 3
        // cells of a full radius), but never more than ~4M cells for world-wide lists.
        double span = Math.max(maxLat - minLat, maxLon - minLon);
        double cell = Math.max(Sphere.latitudeSpan_deg(Math.max(searchRadius_m / 2, 100.0)), span / 2000.0);
        fine = new Grid(objects, minLat, maxLat, minLon, maxLon, Math.max(cell, 1e-4));
        coarse = new Grid(objects, minLat, maxLat, minLon, maxLon, fine.cell_deg * COARSE);
    }

    /**
     * Objects by cell of a lat/lon grid, as flat arrays: the objects of cell c are
     * cellItems[cellStart[c]..cellStart[c+1]), ascending, and a row's cells are contiguous.
     */
    private static final class Grid {
        final double minLat_deg;
        final double minLon_deg;
        final double cell_deg;
        final int rows;
        final int cols;
        final int[] cellStart;
        final int[] cellItems;
        /**
         * One bit per cell, set when it holds an object. Most cells are empty (50k objects in 1.7
         * million cells for the benchmark), and this table is small enough to stay in cache while
         * cellStart is not: a row whose cells are all empty is passed over without reading it.
         */
        final long[] occupied;

        Grid(List<ProtectedObject> objects, double minLat, double maxLat, double minLon, double maxLon, double cell_deg) {
            this.cell_deg = cell_deg;
            this.minLat_deg = minLat;
            this.minLon_deg = minLon;
            this.rows = (int) Math.floor((maxLat - minLat) / cell_deg) + 1;
            this.cols = (int) Math.floor((maxLon - minLon) / cell_deg) + 1;
            int n = objects.size();
            int[] cellOf = new int[n];
            int[] counts = new int[rows * cols + 1];
            for (int i = 0; i < n; i++) {
                GeoPoint p = objects.get(i).location();
                cellOf[i] = row(p.lat_deg()) * cols + col(p.lon_deg());
                counts[cellOf[i] + 1]++;
            }
            for (int c = 0; c < rows * cols; c++) {
                counts[c + 1] += counts[c];
            }
            cellStart = counts.clone();
            occupied = new long[(rows * cols + 63) / 64];
            for (int c = 0; c < rows * cols; c++) {
                if (counts[c + 1] > counts[c]) {
                    occupied[c >>> 6] |= 1L << c;
                }
            }
            cellItems = new int[n];
            int[] fill = Arrays.copyOf(counts, counts.length);
            for (int i = 0; i < n; i++) {
                cellItems[fill[cellOf[i]]++] = i;
            }
        }

        int row(double lat_deg) {
            return (int) Math.floor((lat_deg - minLat_deg) / cell_deg);
        }

        int col(double lon_deg) {
            return (int) Math.floor((lon_deg - minLon_deg) / cell_deg);
        }

        /** Whether one of cells {@code from..to} (inclusive, row-major numbers) holds an object. */
        boolean anyOccupied(int from, int to) {
            int first = from >>> 6;
            int last = to >>> 6;
            long lowMask = -1L << from; // bits from (from % 64) up
            long highMask = -1L >>> (63 - (to & 63)); // bits up to (to % 64)
            if (first == last) {
                return (occupied[first] & lowMask & highMask) != 0;
            }
            if ((occupied[first] & lowMask) != 0 || (occupied[last] & highMask) != 0) {
                return true;
            }
            for (int w = first + 1; w < last; w++) {
                if (occupied[w] != 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Indexes the objects that {@code isProtected} accepts, tuned for searches of about
     * {@code typicalRadius_m}.
     */
    public static ProtectedObjectIndex of(
            List<ProtectedObject> all, Predicate<ProtectedObject> isProtected, double typicalRadius_m) {
        List<ProtectedObject> kept = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        for (ProtectedObject o : all) {
            if (isProtected.test(o)) {
                kept.add(o);
                keys.add(o.id().getBytes(StandardCharsets.UTF_8));
            }
        }
        // Each id's bytes made once: making them inside the comparator was n log n arrays at start-up.
        Integer[] order = new Integer[kept.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(keys.get(a), keys.get(b)));
        List<ProtectedObject> sorted = new ArrayList<>(order.length);
        for (Integer i : order) {
            sorted.add(kept.get(i));
        }
        return new ProtectedObjectIndex(sorted, typicalRadius_m);
    }

    public int size() {
        return objects.size();
    }

    /** The nearest indexed object within {@code radius_m} (inclusive) of a point, if any. */
    public Optional<Nearest> nearestWithin(GeoPoint p, double radius_m) {
        return nearestWithin(p.lat_deg(), p.lon_deg(), radius_m);
    }

    public Optional<Nearest> nearestWithin(double lat_deg, double lon_deg, double radius_m) {
        LastQuestions last = lastQuestions.get();
        if (last.isNearest(lat_deg, lon_deg, radius_m)) {
            return last.nearest;
        }
        Optional<Nearest> found = searchNearest(lat_deg, lon_deg, radius_m);
        last.rememberNearest(lat_deg, lon_deg, radius_m, found);
        return found;
    }

    /**
     * The last question of each kind a thread asked, with its answer. A bulk run asks the same
     * question twice for a row that becomes a report: once when screening the row, once when the
     * rule checks the report, on the same thread right after. The answer is a function of the
     * question, so repeating it changes nothing but the time.
     */
    private static final class LastQuestions {
        private boolean hasNearest;
        private long nearestLat;
        private long nearestLon;
        private long nearestRadius;
        private Optional<Nearest> nearest;
        private boolean hasAny;
        private long anyLat;
        private long anyLon;
        private long anyRadius;
        private boolean any;

        boolean isNearest(double lat_deg, double lon_deg, double radius_m) {
            return hasNearest && nearestLat == Double.doubleToRawLongBits(lat_deg)
                    && nearestLon == Double.doubleToRawLongBits(lon_deg)
                    && nearestRadius == Double.doubleToRawLongBits(radius_m);
        }

        void rememberNearest(double lat_deg, double lon_deg, double radius_m, Optional<Nearest> answer) {
            nearestLat = Double.doubleToRawLongBits(lat_deg);
            nearestLon = Double.doubleToRawLongBits(lon_deg);
            nearestRadius = Double.doubleToRawLongBits(radius_m);
            nearest = answer;
            hasNearest = true;
        }

        boolean isAny(double lat_deg, double lon_deg, double radius_m) {
            return hasAny && anyLat == Double.doubleToRawLongBits(lat_deg)
                    && anyLon == Double.doubleToRawLongBits(lon_deg)
                    && anyRadius == Double.doubleToRawLongBits(radius_m);
        }

        void rememberAny(double lat_deg, double lon_deg, double radius_m, boolean answer) {
            anyLat = Double.doubleToRawLongBits(lat_deg);
            anyLon = Double.doubleToRawLongBits(lon_deg);
            anyRadius = Double.doubleToRawLongBits(radius_m);
            any = answer;
            hasAny = true;
        }
    }

    private final ThreadLocal<LastQuestions> lastQuestions = ThreadLocal.withInitial(LastQuestions::new);

    private Optional<Nearest> searchNearest(double lat_deg, double lon_deg, double radius_m) {
        Query q = query(fine, lat_deg, lon_deg, radius_m);
        if (q == null) {
            return Optional.empty();
        }
        // Candidates are ranked by squared chord length, which orders points exactly as their
        // great-circle distance does and costs no trigonometry; only the winner gets the exact
        // distance, and the inclusive radius test is made on that exact value.
        double maxAngle = radius_m / Sphere.RADIUS_M;
        double maxChord2 = chord2(maxAngle) * (1 + 1e-9) + 1e-30;
        int best = -1;
        double bestChord2 = Double.POSITIVE_INFINITY;
        int cols = fine.cols;
        int[] cellStart = fine.cellStart;
        int[] cellItems = fine.cellItems;
        // Rows nearest the point's first, alternating outwards; once an object is found, a row
        // whose nearest latitude is farther than it is skipped (every object there is farther
        // still, so equal distances, which go to the smaller id, are never skipped).
        int home = Math.min(Math.max(fine.row(lat_deg), q.r0), q.r1);
        for (int step = 0, rowsLeft = q.r1 - q.r0 + 1; rowsLeft > 0; step++) {
            for (int side = 0; side < 2; side++) {
                int r = side == 0 ? home - step : home + step;
                if (r < q.r0 || r > q.r1 || (step == 0 && side == 1)) {
                    continue;
                }
                rowsLeft--;
                if (best >= 0 && rowChord2Bound(fine, r, lat_deg) > bestChord2) {
                    continue;
                }
                int base = r * cols;
                if (!fine.anyOccupied(base + q.c0, base + q.c1)) {
                    continue;
                }
                for (int k = cellStart[base + q.c0], end = cellStart[base + q.c1 + 1]; k < end; k++) {
                    int i = cellItems[k];
                    double c2 = q.chord2To(i);
                    if (c2 <= maxChord2 && (c2 < bestChord2 || (c2 == bestChord2 && i < best))) {
                        best = i;
                        bestChord2 = c2;
                    }
                }
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        double angle = angle(q.px, q.py, q.pz, best);
        return angle <= maxAngle ? Optional.of(new Nearest(objects.get(best), angle * Sphere.RADIUS_M)) : Optional.empty();
    }

    /**
     * Whether any indexed object lies within {@code radius_m} of the point. Stops at the first
     * one found, so it stays cheap for the wide searches that an imprecise location needs.
     */
    public boolean anyWithin(GeoPoint p, double radius_m) {
        LastQuestions last = lastQuestions.get();
        if (last.isAny(p.lat_deg(), p.lon_deg(), radius_m)) {
            return last.any;
        }
        boolean found = searchAny(p, radius_m);
        last.rememberAny(p.lat_deg(), p.lon_deg(), radius_m, found);
        return found;
    }

    private boolean searchAny(GeoPoint p, double radius_m) {
        // Either grid's cells cover every object within the radius, and the answer is whether
        // one of them passes the same test, so the grid changes the work, never the answer.
        boolean wide = Sphere.latitudeSpan_deg(radius_m) > COARSE_FROM_CELLS * fine.cell_deg;
        Grid grid = wide ? coarse : fine;
        Query q = query(grid, p.lat_deg(), p.lon_deg(), radius_m);
        if (q == null) {
            return false;
        }
        double maxAngle = radius_m / Sphere.RADIUS_M;
        // A hair inside the exact chord so that a rounding error never says "yes" wrongly; only
        // objects within that hair of the edge get the exact test.
        double sureChord2 = chord2(maxAngle) * (1 - 1e-9);
        // Rings of cells around the point's own, nearest first: where objects are, the first
        // cells hold one within reach; row by row, the search crossed the far corners first.
        int rc = Math.min(Math.max(grid.row(p.lat_deg()), q.r0), q.r1);
        int cc = Math.min(Math.max(grid.col(p.lon_deg()), q.c0), q.c1);
        int rings = Math.max(Math.max(rc - q.r0, q.r1 - rc), Math.max(cc - q.c0, q.c1 - cc));
        for (int ring = 0; ring <= rings; ring++) {
            int ca = Math.max(cc - ring, q.c0);
            int cb = Math.min(cc + ring, q.c1);
            for (int r = Math.max(rc - ring, q.r0); r <= Math.min(rc + ring, q.r1); r++) {
                if (r == rc - ring || r == rc + ring) {
                    if (anyInCells(grid, r, ca, cb, q, sureChord2, maxAngle)) {
                        return true;
                    }
                } else if (cc - ring >= q.c0 && anyInCells(grid, r, cc - ring, cc - ring, q, sureChord2, maxAngle)
                        || cc + ring <= q.c1 && anyInCells(grid, r, cc + ring, cc + ring, q, sureChord2, maxAngle)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an object of cells c0..c1 of row r passes anyWithin's test. */
    private boolean anyInCells(Grid grid, int r, int c0, int c1, Query q, double sureChord2, double maxAngle) {
        int base = r * grid.cols;
        if (!grid.anyOccupied(base + c0, base + c1)) {
            return false;
        }
        int[] cellItems = grid.cellItems;
        for (int k = grid.cellStart[base + c0], end = grid.cellStart[base + c1 + 1]; k < end; k++) {
            int i = cellItems[k];
            double c2 = q.chord2To(i);
            if (c2 <= sureChord2 || (c2 <= sureChord2 * (1 + 4e-9) && angle(q.px, q.py, q.pz, i) <= maxAngle)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A lower bound of the squared chord from a point at {@code lat_deg} to any object in row
     * {@code r}: two points are at least their difference of latitude apart on the sphere. Kept a
     * little under the true bound (a millionth, and the cell edges widened) so that rounding
     * never makes a row look farther than one of its objects is.
     */
    private static double rowChord2Bound(Grid grid, int r, double lat_deg) {
        double south = grid.minLat_deg + r * grid.cell_deg;
        double north = south + grid.cell_deg;
        double gap_deg = lat_deg < south ? south - lat_deg : lat_deg > north ? lat_deg - north : 0;
        gap_deg -= grid.cell_deg * 1e-6 + 1e-9;
        if (gap_deg <= 0) {
            return 0;
        }
        return chord2(Math.toRadians(gap_deg)) * (1 - 1e-6);
    }

    /** Squared chord length of a central angle on the unit sphere. */
    private static double chord2(double angle) {
        double halfChord = Math.sin(Math.min(angle, Math.PI) / 2);
        return 4 * halfChord * halfChord;
    }

    /**
     * The point as a unit vector and the cells a search of {@code radius_m} around it must look
     * at (all of them near a pole), or null when the search lies outside the indexed area.
     */
    private Query query(Grid grid, double lat_deg, double lon_deg, double radius_m) {
        if (objects.isEmpty()) {
            return null;
        }
        int rows = grid.rows;
        int cols = grid.cols;
        double lat = Math.toRadians(lat_deg);
        double lon = Math.toRadians(lon_deg);
        double dLat = Sphere.latitudeSpan_deg(radius_m) * 1.01 + 1e-9;
        double maxAbsLat = Math.abs(lat_deg) + dLat;
        int r0 = 0;
        int r1 = rows - 1;
        int c0 = 0;
        int c1 = cols - 1;
        if (maxAbsLat < 89.0) {
            double dLon = Math.min(dLat / Math.cos(Math.toRadians(maxAbsLat)), 180.0);
            r0 = Math.max(0, grid.row(lat_deg - dLat));
            r1 = Math.min(rows - 1, grid.row(lat_deg + dLat));
            c0 = Math.max(0, grid.col(lon_deg - dLon));
            c1 = Math.min(cols - 1, grid.col(lon_deg + dLon));
            if (r0 > r1 || c0 > c1) {
                return null;
            }
        }
        double cosLat = Math.cos(lat);
        return new Query(cosLat * Math.cos(lon), cosLat * Math.sin(lon), Math.sin(lat), r0, r1, c0, c1);
    }

    private final class Query {
        final double px;
        final double py;
        final double pz;
        final int r0;
        final int r1;
        final int c0;
        final int c1;

        Query(double px, double py, double pz, int r0, int r1, int c0, int c1) {
            this.px = px;
            this.py = py;
            this.pz = pz;
            this.r0 = r0;
            this.r1 = r1;
            this.c0 = c0;
            this.c1 = c1;
        }

        double chord2To(int i) {
            double dx = px - x[i];
            double dy = py - y[i];
            double dz = pz - z[i];
            return dx * dx + dy * dy + dz * dz;
        }
    }

    /** Central angle via the atan2 form of the cross and dot products: accurate at any distance. */
    private double angle(double px, double py, double pz, int i) {
        double cx = py * z[i] - pz * y[i];
        double cy = pz * x[i] - px * z[i];
        double cz = px * y[i] - py * x[i];
        return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), px * x[i] + py * y[i] + pz * z[i]);
    }


    /** The nearest protected object and its great-circle distance. */
    public record Nearest(ProtectedObject object, double distance_m) {
    }
}
