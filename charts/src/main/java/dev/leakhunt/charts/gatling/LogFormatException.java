package dev.leakhunt.charts.gatling;

import java.io.IOException;

/** A {@code simulation.log} this reader cannot or must not decode; the message is one line, fit for a user. */
public final class LogFormatException extends IOException {

    public LogFormatException(String message) {
        super(message);
    }
}
