package dev.leakhunt.simulations.soak;

import java.util.ArrayList;
import java.util.List;

/** How a child's command line is wrapped before it starts. Every wrapper ends in exec, so the pid never changes. */
public final class ChildCommands {
    private ChildCommands() {}

    /**
     * Runs the child in a session of its own: a Ctrl-C at the terminal signals the supervisor only, which then
     * stops the children in order and records how each ended, instead of all of them dying at once.
     */
    public static List<String> ownSession(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("setsid"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Lowers the child's soft and hard fd limit (RLIMIT_NOFILE) before it starts. */
    static List<String> withFdLimit(int nofile, List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("prlimit", "--nofile=" + nofile + ":" + nofile, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * A user's command line run by sh, as they would type it; {@code exec} makes the service itself, not the shell,
     * the process the supervisor watches and stops.
     */
    static List<String> shell(String commandLine) {
        return List.of("sh", "-c", "exec " + commandLine);
    }
}
