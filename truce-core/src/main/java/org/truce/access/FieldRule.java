package org.truce.access;

/**
 * One line of the field catalog: how sensitive a field is and what happens to it for a reader
 * whose clearance is lower.
 *
 * @param path        {@code view.field}, with {@code []} after a list of objects and {@code .*} for any key below
 * @param sensitivity who may read it as it is
 * @param treatment   removed, or (coordinates) coarsened, for the others
 * @param why         the reason, for the people who review the catalog
 */
public record FieldRule(String path, Sensitivity sensitivity, Treatment treatment, String why) {

    /** What a reader below the field's sensitivity gets instead of it. */
    public enum Treatment {
        /** Nothing: the field is left out and named in the view's list of redacted fields. */
        REMOVE,
        /** A number rounded to the configured precision (for coordinates). */
        COARSEN
    }
}
