package org.truce.format;

import java.util.List;

/**
 * One input record that was not accepted.
 *
 * @param line physical line where the record starts (1-based, the header is line 1); for a
 *     GeoJSON feature the line where the feature's object opens; 0 when unknown
 * @param recordId the record's id when it could be read, otherwise ""
 * @param field the column (or GeoJSON member) at fault, "" when the whole record is malformed
 * @param reason what is wrong, in words meant for the person who maintains the data
 * @param raw the record as read: its CSV fields, or one element holding the feature's JSON
 */
public record Rejection(long line, String recordId, String field, String reason, List<String> raw) {

    public Rejection {
        recordId = recordId == null ? "" : recordId;
        field = field == null ? "" : field;
        if (reason == null || reason.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        raw = raw == null ? List.of() : List.copyOf(raw);
    }
}
