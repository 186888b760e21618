package org.truce.format.result;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.truce.assessment.DailyZoneCounts;
import org.truce.assessment.ProximityList;

/**
 * The two answer files of the benchmark SPEC: {@code moratorium.csv} and
 * {@code contact_line_daily.csv}. Their fields never need CSV quoting (ids, dates, numbers).
 */
public final class AnswerCsvWriter {

    private AnswerCsvWriter() {
    }

    public static void writeMoratorium(Path file, List<ProximityList.Row> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("event_id_cnty,facility_id,distance_m\n");
            StringBuilder line = new StringBuilder(64);
            for (ProximityList.Row r : rows) {
                line.setLength(0);
                line.append(r.reportId()).append(',').append(r.objectId()).append(',')
                        .append(FindingsJsonlWriter.metres(r.distance_m())).append('\n');
                w.append(line);
            }
        }
    }

    public static void writeDailyCounts(Path file, List<DailyZoneCounts.DayCount> days) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("date,events_within_buffer\n");
            for (DailyZoneCounts.DayCount d : days) {
                w.write(d.date() + "," + d.events() + "\n");
            }
        }
    }
}
