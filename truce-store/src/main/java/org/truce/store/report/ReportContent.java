package org.truce.store.report;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.truce.report.Report;

/**
 * Everything a stored version of a report says: the core {@link Report} plus what the store keeps
 * beside it in columns of its own, each {@code null} when the source does not say: the category
 * of the target ({@code energy.substation}), the number of explosions, an explicit uncertainty
 * radius in metres, and the language of the notes (a BCP 47 tag such as {@code uk} or {@code fr}).
 *
 * <p>{@link #of(Report)} takes these four from the report's extra columns of the same names
 * ({@value #TARGET_CATEGORY}, {@value #EXPLOSIONS}, {@value #RADIUS_M}, {@value #NOTES_LANGUAGE}),
 * so an ACLED file that carries them fills them. The report held here never has them in its extra
 * columns, so each fact is in one place only.
 */
public record ReportContent(
        Report report,
        String targetCategory,
        Integer explosions,
        Integer radius_m,
        String notesLanguage) {

    public static final String TARGET_CATEGORY = "target_category";
    public static final String EXPLOSIONS = "explosions";
    public static final String RADIUS_M = "radius_m";
    public static final String NOTES_LANGUAGE = "notes_language";

    private static final Set<String> PROMOTED = Set.of(TARGET_CATEGORY, EXPLOSIONS, RADIUS_M, NOTES_LANGUAGE);
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final int MAX_EXTERNAL_ID = 200;

    public ReportContent {
        if (report == null) {
            throw new IllegalArgumentException("report content needs a report");
        }
        String id = report.id();
        if (id.length() > MAX_EXTERNAL_ID) {
            // The column is VARCHAR(200); say so here rather than let the database refuse it.
            throw new IllegalArgumentException("report id is longer than " + MAX_EXTERNAL_ID + " characters: "
                    + id.substring(0, 40) + "...");
        }
        for (String key : PROMOTED) {
            if (report.extra().containsKey(key)) {
                throw new IllegalArgumentException("report " + id + " has '" + key
                        + "' among its extra columns: build the content with ReportContent.of(report)");
            }
        }
        targetCategory = targetCategory == null || targetCategory.isBlank() ? null : targetCategory.strip();
        notesLanguage = notesLanguage == null || notesLanguage.isBlank() ? null : notesLanguage.strip();
        if (explosions != null && explosions < 0) {
            throw new IllegalArgumentException("report " + id + " has negative explosions: " + explosions);
        }
        if (radius_m != null && radius_m <= 0) {
            throw new IllegalArgumentException("report " + id + " has a radius that is not positive: " + radius_m);
        }
        if (notesLanguage != null && !LANGUAGE_TAG.matcher(notesLanguage).matches()) {
            throw new IllegalArgumentException("report " + id + " notes language is not a BCP 47 tag: " + notesLanguage);
        }
    }

    /** The report alone: nothing beyond what the core {@link Report} says. */
    public static ReportContent plain(Report report) {
        return new ReportContent(report, null, null, null, null);
    }

    /**
     * The content of a report as read from a file: the store's own fields are taken out of its extra
     * columns when present. A value there that is not a number where one is needed is refused.
     */
    public static ReportContent of(Report report) {
        Map<String, String> extra = report.extra();
        if (PROMOTED.stream().noneMatch(extra::containsKey)) {
            return plain(report);
        }
        Map<String, String> rest = new HashMap<>(extra);
        String category = rest.remove(TARGET_CATEGORY);
        Integer explosions = count(report.id(), EXPLOSIONS, rest.remove(EXPLOSIONS));
        Integer radius = count(report.id(), RADIUS_M, rest.remove(RADIUS_M));
        String language = rest.remove(NOTES_LANGUAGE);
        return new ReportContent(withExtra(report, rest), category, explosions, radius, language);
    }

    public String externalId() {
        return report.id();
    }

    static Report withExtra(Report r, Map<String, String> extra) {
        return new Report(r.id(), r.eventDate(), r.timePrecision(), r.eventType(), r.subEventType(), r.actor1(),
                r.actor2(), r.country(), r.admin1(), r.location(), r.point(), r.geoPrecision(), r.source(),
                r.notes(), r.fatalities(), r.target(), extra);
    }

    private static Integer count(String id, String column, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("report " + id + " column " + column + " is not a whole number: " + value);
        }
    }
}
