package org.truce.exchange;

/** The id rule of the agreement types, for the references an exchange makes. */
final class Ids {

    private Ids() {
    }

    static String require(String value, String field) {
        if (value == null || !value.matches("[A-Za-z0-9][A-Za-z0-9._:-]*")) {
            throw new IllegalArgumentException(field + " must be letters, digits, '.', '_', ':' or '-', got "
                    + (value == null ? "nothing" : "'" + value + "'"));
        }
        return value;
    }
}
