package org.truce.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of one PostgreSQL server's processes (the postmaster and its children: backends,
 * WAL writer, checkpointer), from Linux's {@code /proc}: the part of an intake that runs outside
 * the JVM. A backend that exits loses its time; the benchmark's connections stay open throughout.
 * Always 0 where {@code /proc} is missing.
 */
final class PostgresCpu {

    private final long postmasterPid;

    private PostgresCpu(long postmasterPid) {
        this.postmasterPid = postmasterPid;
    }

    /** The server whose data directory is {@code dataDirectory} (its {@code postmaster.pid} names it). */
    static PostgresCpu of(Path dataDirectory) {
        try {
            String first = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip();
            return new PostgresCpu(Long.parseLong(first));
        } catch (IOException | RuntimeException e) {
            return new PostgresCpu(-1);
        }
    }

    /** Nanoseconds on a CPU so far, summed over the postmaster and its live children. */
    long nanos() {
        if (postmasterPid < 0) {
            return 0;
        }
        long total = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.toList()) {
                String name = proc.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(name);
                    if (pid == postmasterPid || parent(proc) == postmasterPid) {
                        total += Long.parseLong(Files.readString(proc.resolve("schedstat")).strip().split(" ", 2)[0]);
                    }
                } catch (IOException | RuntimeException e) {
                    // The process ended while /proc was read: nothing to count.
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    /** The parent pid from {@code /proc/PID/stat}; the name in parentheses may hold spaces. */
    private static long parent(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 3);
        return Long.parseLong(rest[1]);
    }
}
