package org.truce.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import org.truce.agreement.Agreement;
import org.truce.exchange.ExchangeLedger;
import org.truce.facility.ProtectedObject;
import org.truce.format.FormatException;
import org.truce.format.ReadCounts;
import org.truce.format.RejectsCsvWriter;
import org.truce.format.acled.DayFilter;
import org.truce.format.acled.ParallelAcledReader;
import org.truce.format.acled.RowScreen;
import org.truce.format.agreement.AgreementFormatException;
import org.truce.format.agreement.AgreementJson;
import org.truce.format.agreement.ExchangesJson;
import org.truce.format.agreement.TimelineJson;
import org.truce.format.facility.FacilityCsvReader;
import org.truce.format.facility.FacilityGeoJsonReader;
import org.truce.format.geojson.ZoneGeoJsonReader;
import org.truce.timeline.Timeline;
import org.truce.zone.Zone;

/** Loads the command's input files through the format adapters, turning their errors into one message. */
final class Inputs {

    private Inputs() {
    }

    /** Items read from one or more files, and how many rows were rejected on the way. */
    record Loaded<T>(List<T> items, long rejected) {
    }

    /**
     * The files of an input folder by their conventional names: agreement.json, events.csv,
     * facilities.csv or facilities.geojson, and every other *.geojson as a zone file.
     */
    record Folder(Path agreement, Path events, List<Path> facilities, List<Path> zones) {

        static Folder of(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) {
                throw new UserError("--in " + dir + ": no such folder");
            }
            List<Path> facilities = java.util.stream.Stream.of("facilities.csv", "facilities.geojson")
                    .map(dir::resolve).filter(Files::isRegularFile).toList();
            List<Path> zones;
            try (var files = Files.list(dir)) {
                zones = files.filter(f -> f.getFileName().toString().endsWith(".geojson"))
                        .filter(f -> !f.getFileName().toString().equals("facilities.geojson"))
                        .sorted().toList();
            }
            return new Folder(dir.resolve("agreement.json"), dir.resolve("events.csv"), facilities, zones);
        }
    }

    static void requireReadable(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(option + " " + file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new UserError(option + " " + file + ": not readable");
        }
    }

    static Agreement agreement(Path file) {
        requireReadable(file, "agreement");
        try {
            return AgreementJson.load(file);
        } catch (AgreementFormatException e) {
            throw new UserError(e.getMessage(), e);
        } catch (IOException e) {
            throw new UserError("cannot read agreement " + file + ": " + e.getMessage(), e);
        }
    }

    /** The exchange ledger of an agreement folder, when the folder has an exchanges file. */
    static Optional<ExchangeLedger> exchanges(Path file, Agreement agreement) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        requireReadable(file, "exchanges");
        try {
            return Optional.of(ExchangesJson.load(file, agreement));
        } catch (AgreementFormatException e) {
            throw new UserError(e.getMessage(), e);
        } catch (IOException e) {
            throw new UserError("cannot read exchanges " + file + ": " + e.getMessage(), e);
        }
    }

    /** The process timeline of an agreement folder, when the folder has a timeline file. */
    static Optional<Timeline> timeline(Path file, Agreement agreement) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        requireReadable(file, "timeline");
        try {
            return Optional.of(TimelineJson.load(file, agreement));
        } catch (AgreementFormatException e) {
            throw new UserError(e.getMessage(), e);
        } catch (IOException e) {
            throw new UserError("cannot read timeline " + file + ": " + e.getMessage(), e);
        }
    }

    static Loaded<ProtectedObject> facilities(List<Path> files, Path rejectsFile) throws IOException {
        List<ProtectedObject> all = new ArrayList<>();
        long rejected = 0;
        if (files.isEmpty()) {
            return new Loaded<>(all, 0);
        }
        try (RejectsCsvWriter rejects = RejectsCsvWriter.create(rejectsFile, "facility_id")) {
            for (Path f : files) {
                requireReadable(f, "--facilities");
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                try {
                    var result = name.endsWith(".geojson") || name.endsWith(".json")
                            ? new FacilityGeoJsonReader(rejects).read(f)
                            : new FacilityCsvReader(rejects).read(f);
                    all.addAll(result.items());
                    rejected += result.counts().rejected();
                } catch (FormatException e) {
                    throw new UserError(e.getMessage(), e);
                }
            }
        }
        if (rejected == 0) {
            Files.deleteIfExists(rejectsFile);
        }
        return new Loaded<>(all, rejected);
    }

    static List<Zone> zones(List<Path> files) throws IOException {
        List<Zone> zones = new ArrayList<>();
        for (Path f : files) {
            requireReadable(f, "--zones");
            try {
                zones.addAll(new ZoneGeoJsonReader().read(f));
            } catch (FormatException e) {
                throw new UserError(e.getMessage(), e);
            }
        }
        return zones;
    }

    /**
     * Reads the reports of an ACLED file on {@code threads} threads: {@code work} runs on each
     * report in parallel, {@code commit} gets each report with its work result in file order.
     * Rejected rows go to {@code rejectsFile}; progress to {@code progressTo} unless it is null.
     */
    static <P> ReadCounts streamReports(Path file, Path rejectsFile, PrintStream progressTo, int threads,
            DayFilter days, P passedOver, ParallelAcledReader.Work<P> work, ParallelAcledReader.Commit<P> commit)
            throws IOException {
        return streamReports(file, rejectsFile, progressTo, threads, RowScreen.byDay(days), code -> passedOver, work,
                commit);
    }

    /** As above, with rows passed over by a {@link RowScreen}, each standing for {@code passedOver} of its code. */
    static <P> ReadCounts streamReports(Path file, Path rejectsFile, PrintStream progressTo, int threads,
            RowScreen screen, IntFunction<P> passedOver, ParallelAcledReader.Work<P> work,
            ParallelAcledReader.Commit<P> commit) throws IOException {
        long size = Files.size(file);
        try (RejectsCsvWriter rejects = RejectsCsvWriter.create(rejectsFile)) {
            long[] committed = {0, 0};
            Progress progress = progressTo == null ? null
                    : new Progress(progressTo, file.getFileName().toString(), size, () -> committed[1],
                            System.console() != null);
            ReadCounts counts;
            try {
                counts = new ParallelAcledReader(rejects, threads).read(file, screen, passedOver, work, result -> {
                    commit.accept(result);
                    if (progress != null) {
                        progress.tick(++committed[0]);
                    }
                }, bytes -> committed[1] = bytes);
            } catch (FormatException e) {
                throw new UserError(e.getMessage(), e);
            }
            if (progress != null) {
                progress.done(committed[0]);
            }
            return counts;
        }
    }
}
