package org.truce.cli;

/** A problem with the user's input (file missing, bad format): printed as one message, no trace. */
final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }

    UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
