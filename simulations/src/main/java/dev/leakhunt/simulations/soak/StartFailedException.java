package dev.leakhunt.simulations.soak;

/** A child that did not come up (exited, never got ready, or the soak was stopped meanwhile); one-line message. */
final class StartFailedException extends Exception {
    StartFailedException(String message) {
        super(message);
    }
}
