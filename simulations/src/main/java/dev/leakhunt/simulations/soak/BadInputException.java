package dev.leakhunt.simulations.soak;

/** Input the soak refuses before starting anything; the message is one line naming what is valid. */
public final class BadInputException extends Exception {
    public BadInputException(String message) {
        super(message);
    }
}
