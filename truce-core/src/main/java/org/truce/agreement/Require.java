package org.truce.agreement;

/** Constructor checks shared by the agreement types; messages name the offending field. */
final class Require {

    private Require() {
    }

    static String id(String value, String field) {
        if (value == null || !value.matches("[A-Za-z0-9][A-Za-z0-9._:-]*")) {
            throw new IllegalArgumentException(field + " must be letters, digits, '.', '_', ':' or '-', got "
                    + (value == null ? "nothing" : "'" + value + "'"));
        }
        return value;
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return value;
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }
}
