package org.truce.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long read on stderr: a bar redrawn in place on a terminal, a line every few
 * seconds otherwise (logs and CI keep a readable record).
 */
final class Progress {

    private static final long TERMINAL_EVERY_NS = 200_000_000L;
    private static final long LOG_EVERY_NS = 5_000_000_000L;

    private final PrintStream err;
    private final String what;
    private final long totalBytes;
    private final LongSupplier bytesRead;
    private final boolean terminal;
    private final long startNs = System.nanoTime();
    private long lastNs = startNs;
    private boolean drew;

    Progress(PrintStream err, String what, long totalBytes, LongSupplier bytesRead, boolean terminal) {
        this.err = err;
        this.what = what;
        this.totalBytes = totalBytes;
        this.bytesRead = bytesRead;
        this.terminal = terminal;
    }

    /** Cheap to call per record: only looks at the clock every 4096 calls. */
    void tick(long records) {
        if ((records & 4095) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastNs < (terminal ? TERMINAL_EVERY_NS : LOG_EVERY_NS)) {
            return;
        }
        lastNs = now;
        draw(records, now);
    }

    void done(long records) {
        if (drew) {
            draw(records, System.nanoTime());
            if (terminal) {
                err.println();
            }
        }
    }

    private void draw(long records, long now) {
        drew = true;
        double fraction = totalBytes > 0 ? Math.min(1.0, bytesRead.getAsLong() / (double) totalBytes) : 0;
        double seconds = (now - startNs) / 1e9;
        String figures = String.format(Locale.ROOT, "%,d reports, %.0f%% of %s, %.1f s", records,
                fraction * 100, what, seconds);
        if (terminal) {
            int width = 30;
            int filled = (int) Math.round(fraction * width);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + figures);
        } else {
            err.println("truce: " + figures);
        }
        err.flush();
    }
}
