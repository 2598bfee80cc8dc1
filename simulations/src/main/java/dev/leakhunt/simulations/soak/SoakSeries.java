package dev.leakhunt.simulations.soak;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Soaks run one after another, each a child process of a command that needs several (the leak gate, an
 * experiment). Ctrl-C or SIGTERM stops the one running, by pid, and no further one starts: callers ask
 * {@link #stopping()} before each, and a soak started while the stop ran is stopped at once.
 */
public final class SoakSeries implements AutoCloseable {
    /** A child's exit status when the series stopped before it ran (130: interrupted, as by Ctrl-C). */
    public static final int EXIT_STOPPED = 130;
    /** A soak stopped by a signal ends its children and writes its manifest within its own 2 min limit. */
    private static final Duration STOP_GRACE = Duration.ofMinutes(2);

    private final Path home;
    private final Thread stopOnSignal = new Thread(this::stop, "soak-series-stop");
    private ManagedProcess running;
    private boolean stopping;

    private SoakSeries(Path home) {
        this.home = home;
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
    }

    /** A series of soaks of the checkout whose simulations/target/soak.jar runs this code. */
    public static SoakSeries ofThisCheckout() throws URISyntaxException {
        Path soakJar = Path.of(SoakSeries.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return new SoakSeries(soakJar.getParent().getParent().getParent());
    }

    /** The checkout's root: where {@code runs/} and each module's {@code target/} are. */
    public Path home() {
        return home;
    }

    public synchronized boolean stopping() {
        return stopping;
    }

    /** Runs {@code java -jar soak.jar <arguments>} to its end, its output into {@code log}; its exit status. */
    public int soak(List<String> arguments, Path log) throws IOException, InterruptedException {
        return run("soak", "simulations", "soak.jar", arguments, log);
    }

    /** Runs {@code java -jar charts.jar <arguments>} to its end, its output into {@code log}; its exit status. */
    public int charts(List<String> arguments, Path log) throws IOException, InterruptedException {
        return run("charts", "charts", "charts.jar", arguments, log);
    }

    private int run(String role, String module, String jar, List<String> arguments, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", home.resolve(module).resolve("target").resolve(jar).toString()));
        command.addAll(arguments);
        try (ManagedProcess child = ManagedProcess.start(role, ChildCommands.ownSession(command), Map.of(), log)) {
            if (!begin(child)) {
                return EXIT_STOPPED; // stopping: close() stops the child that just started
            }
            child.onExit().join();
            end();
            return child.ending().exitCode();
        }
    }

    private synchronized boolean begin(ManagedProcess started) {
        running = stopping ? null : started;
        return !stopping;
    }

    private synchronized void end() {
        running = null;
    }

    private void stop() {
        ManagedProcess toStop;
        synchronized (this) {
            stopping = true;
            toStop = running;
        }
        if (toStop != null) {
            toStop.stop(STOP_GRACE);
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnSignal);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C or SIGTERM: the hook has run, and the JVM refuses changes to its hooks now
        }
    }
}
