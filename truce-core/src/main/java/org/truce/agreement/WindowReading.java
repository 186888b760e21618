package org.truce.agreement;

/**
 * One reading of a commitment's window. When the parties stated different windows (Russia counted
 * the energy halt from 18 March, Ukraine from 25 March), the commitment keeps each reading and the
 * assessment says under which one a report falls. {@code label} is the party id or "common".
 */
public record WindowReading(String label, Window window, SourceRef basis) {

    public WindowReading {
        Require.id(label, "window reading label");
        Require.present(window, "window");
    }
}
