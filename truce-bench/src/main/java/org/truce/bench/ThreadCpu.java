package org.truce.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's threads by what they do, read from Linux's {@code /proc/self/task}
 * (each thread's name and nanoseconds on a CPU): unlike {@code ThreadMXBean}, it also sees the
 * garbage collector's and the JIT compiler's native threads. A thread that ends between two
 * snapshots loses its time; {@link Split#unattributed_ms} keeps what the process used beyond the
 * threads seen. Empty (all zero) where {@code /proc} is missing.
 */
final class ThreadCpu {

    /** What a thread does, from its name (Linux keeps the first 15 characters). */
    enum Group {
        WRITER("writer"),
        ACCESS_LOG("access_log"),
        REQUEST("request"),
        CLIENT("client"),
        GC("gc"),
        COMPILER("compiler"),
        OTHER("other");

        final String wireName;

        Group(String wireName) {
            this.wireName = wireName;
        }

        static Group of(String name) {
            if (name.startsWith("truce-intake-wr")) {
                return WRITER;
            }
            if (name.startsWith("truce-access-lo")) {
                return ACCESS_LOG;
            }
            // Jetty's pool (Javalin names it JettyServerThreadPool) and its selector/acceptor threads.
            if (name.startsWith("JettyServerThre") || name.startsWith("qtp")) {
                return REQUEST;
            }
            if (name.startsWith(IntakeBenchmark.CLIENT_THREAD) || name.startsWith("HttpClient-")) {
                return CLIENT;
            }
            if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                return GC;
            }
            if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                return COMPILER;
            }
            return OTHER;
        }
    }

    /** CPU nanoseconds by thread id, with each thread's group; empty when unreadable. */
    record Snapshot(Map<Long, Long> nanosByThread, Map<Long, Group> groupByThread, long processNanos) {
    }

    /** The CPU used between two snapshots, by group, in milliseconds. */
    record Split(Map<Group, Double> ms, double unattributed_ms) {

        /**
         * {@code nanos} of threads of {@code group} that ended before the closing snapshot (they
         * measured themselves), moved from the unattributed time to the group.
         */
        Split withEnded(Group group, long nanos) {
            Map<Group, Double> moved = new EnumMap<>(ms);
            moved.merge(group, nanos / 1e6, Double::sum);
            return new Split(moved, Math.max(0, unattributed_ms - nanos / 1e6));
        }

        double total_ms() {
            return ms.values().stream().mapToDouble(Double::doubleValue).sum() + unattributed_ms;
        }

        /** {@code cpu_ms_per_report writer=1.23 request=...}, each per {@code reports}. */
        String perReport(int reports) {
            StringBuilder b = new StringBuilder();
            for (Map.Entry<Group, Double> e : ms.entrySet()) {
                b.append(' ').append(e.getKey().wireName).append('=')
                        .append(String.format(Locale.ROOT, "%.2f", e.getValue() / reports));
            }
            b.append(" ended_threads=").append(String.format(Locale.ROOT, "%.2f", unattributed_ms / reports));
            return b.toString().strip();
        }
    }

    private static final Path TASKS = Path.of("/proc/self/task");

    private ThreadCpu() {
    }

    static Snapshot snapshot(long processNanos) {
        Map<Long, Long> nanos = new HashMap<>();
        Map<Long, Group> groups = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return new Snapshot(nanos, groups, processNanos);
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : tasks.toList()) {
                try {
                    String comm = Files.readString(task.resolve("comm")).strip();
                    String schedstat = Files.readString(task.resolve("schedstat")).strip();
                    long id = Long.parseLong(task.getFileName().toString());
                    nanos.put(id, Long.parseLong(schedstat.split(" ", 2)[0]));
                    groups.put(id, Group.of(comm));
                } catch (IOException | RuntimeException e) {
                    // The thread ended while the folder was read: it has no time to count.
                }
            }
        } catch (IOException e) {
            return new Snapshot(Map.of(), Map.of(), processNanos);
        }
        return new Snapshot(nanos, groups, processNanos);
    }

    /** What each group used from {@code before} to {@code after}; a thread new since counts from zero. */
    static Split between(Snapshot before, Snapshot after) {
        Map<Group, Double> ms = new EnumMap<>(Group.class);
        for (Group g : Group.values()) {
            ms.put(g, 0.0);
        }
        long seen = 0;
        for (Map.Entry<Long, Long> e : after.nanosByThread().entrySet()) {
            long delta = e.getValue() - before.nanosByThread().getOrDefault(e.getKey(), 0L);
            seen += delta;
            ms.merge(after.groupByThread().get(e.getKey()), delta / 1e6, Double::sum);
        }
        long process = after.processNanos() - before.processNanos();
        double unattributed = after.nanosByThread().isEmpty() ? process / 1e6 : Math.max(0, process - seen) / 1e6;
        return new Split(ms, unattributed);
    }
}
