package dev.leakhunt.target;

/** A started role: its ports are bound and it serves until closed. */
public interface RunningService extends AutoCloseable {

    /**
     * One machine-readable line announcing that every port is bound, e.g.
     * {@code leakhunt-target ready port=41234 admin-port=41235 pid=1234 leak=none}: a fixed first word, the word
     * {@code ready}, then {@code key=value} pairs (readers ignore keys they do not know).
     */
    String readyLine();

    @Override
    void close();
}
