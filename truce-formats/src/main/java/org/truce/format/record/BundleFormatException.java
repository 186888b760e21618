package org.truce.format.record;

import org.truce.format.FormatException;

/** A bundle file that cannot be read: which file, where (line, column, JSON path) and what is wrong. */
public final class BundleFormatException extends FormatException {

    private static final long serialVersionUID = 1L;

    BundleFormatException(String file, long line, long column, String path, String message) {
        super(file + (line > 0 ? ":" + line + ":" + column : "") + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }
}
