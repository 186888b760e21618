package org.truce.format;

import java.io.IOException;

/**
 * An input file cannot be read at all: a missing required column, a GeoJSON document of the
 * wrong kind, a zone that cannot be built. Problems confined to one row or one feature are not
 * thrown; they go to a {@link RejectSink} and the run goes on.
 */
public class FormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public FormatException(String message) {
        super(message);
    }

    public FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
