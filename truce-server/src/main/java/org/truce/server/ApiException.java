package org.truce.server;

/**
 * A request the API refuses, with the HTTP status, a message meant for the client's developer and
 * the field, query parameter or header at fault ({@code null} when the request as a whole is).
 * Thrown before anything is stored, so a refused request changes nothing.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;
    private final String rule;

    ApiException(int status, String field, String message) {
        this(status, field, null, message);
    }

    private ApiException(int status, String field, String rule, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
        this.rule = rule;
    }

    static ApiException badRequest(String field, String message) {
        return new ApiException(400, field, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, null, message);
    }

    static ApiException conflict(String field, String message) {
        return new ApiException(409, field, message);
    }

    /** An operation the rules refuse (409), naming the rule, such as {@code four_eyes}. */
    static ApiException refused(String rule, String message) {
        return new ApiException(409, null, rule, message);
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }

    /** The rule a refused operation broke; null for other errors. */
    String rule() {
        return rule;
    }
}
