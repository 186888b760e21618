package org.truce.access;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one redaction every view and export of the record goes through: the same view and role
 * always give the same result, whichever door asks. A view is a tree of maps, lists and plain
 * values (what the API turns into JSON); each field is kept, coarsened or removed by its line in
 * the {@link FieldCatalog} and the reader's clearance. A field without a line is removed for
 * everyone below {@link Sensitivity#SECRET}.
 */
public final class Redaction {

    private final FieldCatalog catalog;
    private final BigDecimal coarsenStep_deg;

    /**
     * @param coarsen_deg the grid coordinates are rounded to for readers below their sensitivity,
     *                    e.g. 0.1 (about 11 km north-south)
     */
    public Redaction(FieldCatalog catalog, double coarsen_deg) {
        if (!(coarsen_deg > 0 && coarsen_deg <= 10)) {
            throw new IllegalArgumentException("coarsen_deg must be above 0 and at most 10, got " + coarsen_deg);
        }
        this.catalog = catalog;
        this.coarsenStep_deg = BigDecimal.valueOf(coarsen_deg);
    }

    /**
     * A view as one role may read it.
     *
     * @param view      the redacted tree
     * @param removed   the concrete paths left out, e.g. {@code report.source_id}, each once
     * @param coarsened the concrete paths rounded
     */
    public record Redacted(Map<String, Object> view, List<String> removed, List<String> coarsened) {
    }

    public Redacted apply(String viewName, Map<String, ?> view, Role role) {
        List<String> removed = new ArrayList<>();
        List<String> coarsened = new ArrayList<>();
        Map<String, Object> out = walk(viewName, view, role.clearance(), removed, coarsened);
        return new Redacted(out, dedupe(removed), dedupe(coarsened));
    }

    /** The paths in {@code view} that the catalog has no line for: each is a decision still to make. */
    public List<String> uncatalogued(String viewName, Map<String, ?> view) {
        List<String> missing = new ArrayList<>();
        collectMissing(viewName, view, missing);
        return dedupe(missing);
    }

    private Map<String, Object> walk(String path, Map<String, ?> map, Sensitivity clearance, List<String> removed,
            List<String> coarsened) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : map.entrySet()) {
            String fieldPath = path + "." + e.getKey();
            Object value = e.getValue();
            if (value instanceof Map<?, ?> child && catalog.ruleFor(fieldPath).isEmpty()) {
                out.put(e.getKey(), walk(fieldPath, cast(child), clearance, removed, coarsened));
                continue;
            }
            if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?>
                    && catalog.ruleFor(fieldPath).isEmpty()) {
                List<Object> items = new ArrayList<>(list.size());
                for (Object item : list) {
                    items.add(item instanceof Map<?, ?> m ? walk(fieldPath + "[]", cast(m), clearance, removed, coarsened)
                            : item);
                }
                out.put(e.getKey(), items);
                continue;
            }
            Optional<FieldRule> rule = catalog.ruleFor(fieldPath);
            Sensitivity needed = rule.map(FieldRule::sensitivity).orElse(Sensitivity.SECRET);
            if (clearance.includes(needed)) {
                out.put(e.getKey(), value);
            } else if (rule.isPresent() && rule.get().treatment() == FieldRule.Treatment.COARSEN
                    && (value == null || value instanceof Number)) {
                out.put(e.getKey(), value == null ? null : coarsen(((Number) value).doubleValue()));
                coarsened.add(fieldPath);
            } else {
                removed.add(fieldPath);
            }
        }
        return out;
    }

    private void collectMissing(String path, Map<String, ?> map, List<String> missing) {
        for (Map.Entry<String, ?> e : map.entrySet()) {
            String fieldPath = path + "." + e.getKey();
            if (catalog.ruleFor(fieldPath).isPresent()) {
                continue;
            }
            Object value = e.getValue();
            if (value instanceof Map<?, ?> child) {
                collectMissing(fieldPath, cast(child), missing);
            } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?>) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> m) {
                        collectMissing(fieldPath + "[]", cast(m), missing);
                    }
                }
            } else {
                missing.add(fieldPath);
            }
        }
    }

    private double coarsen(double v) {
        return BigDecimal.valueOf(v).divide(coarsenStep_deg, 0, RoundingMode.HALF_EVEN)
                .multiply(coarsenStep_deg).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Map<?, ?> m) {
        return (Map<String, ?>) m;
    }

    private static List<String> dedupe(List<String> paths) {
        return List.copyOf(new LinkedHashSet<>(paths));
    }
}
