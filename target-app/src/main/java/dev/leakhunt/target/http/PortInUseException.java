package dev.leakhunt.target.http;

/** A port that could not be bound; the message is the one line the user sees. */
public final class PortInUseException extends RuntimeException {
    public PortInUseException(String what, int port, Throwable cause) {
        super(what + " port " + port + " on " + HttpServers.LOOPBACK + " is already in use (pick another, or 0 for a free one)", cause);
    }
}
