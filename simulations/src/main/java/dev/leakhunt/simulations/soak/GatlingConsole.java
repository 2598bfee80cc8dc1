package dev.leakhunt.simulations.soak;

import java.util.ArrayDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Gatling's console output as it goes by: the line saying the simulation started, then the summary printed
 * every 5 s — elapsed seconds and global request counts, from which the achieved rate follows. The rate spans at
 * least {@value #RATE_WINDOW_S} s: over one 5 s period the whole-second elapsed counter alone makes it jitter by a
 * fifth.
 *
 * <pre>
 * Simulation dev.leakhunt.simulations.SoakSimulation started...
 * 2026-11-23 11:48:15 GMT                                          10s elapsed
 * > Global                                            |     1,000 |     1,000 |         0
 * </pre>
 */
final class GatlingConsole {
    static final long RATE_WINDOW_S = 30;
    private static final Pattern STARTED = Pattern.compile("^Simulation \\S+ started");
    private static final Pattern ELAPSED = Pattern.compile("\\s(\\d+)s elapsed\\s*$");
    private static final Pattern GLOBAL =
            Pattern.compile("^> Global\\s+\\|\\s*([\\d,]+)\\s*\\|\\s*([\\d,]+)\\s*\\|\\s*([\\d,]+)\\s*$");

    private final ArrayDeque<Totals> window = new ArrayDeque<>();
    private boolean simulationStarted;
    private long pendingElapsedS = -1;

    /** Feeds one line of Gatling's output. */
    void accept(String line) {
        if (STARTED.matcher(line).find()) {
            simulationStarted = true;
            return;
        }
        Matcher elapsed = ELAPSED.matcher(line);
        if (elapsed.find()) {
            pendingElapsedS = Long.parseLong(elapsed.group(1));
            return;
        }
        Matcher global = GLOBAL.matcher(line);
        if (global.matches() && pendingElapsedS >= 0) {
            window.addLast(new Totals(pendingElapsedS, number(global.group(1)), number(global.group(3))));
            pendingElapsedS = -1;
            // keep the newest summary that is at least a window older than the latest, and everything after it
            while (window.size() > 2 && latest().elapsedS() - secondOldest().elapsedS() >= RATE_WINDOW_S) {
                window.removeFirst();
            }
        }
    }

    /** True once Gatling printed {@code Simulation <class> started...}: injection begins. */
    boolean simulationStarted() {
        return simulationStarted;
    }

    /** Requests and failed requests so far, or null before the first summary. */
    Totals latest() {
        return window.peekLast();
    }

    /** Requests per second over the last window (or since the first summary), NaN before there are two. */
    double achievedPerSecond() {
        Totals first = window.peekFirst();
        Totals last = window.peekLast();
        if (first == null || last.elapsedS() <= first.elapsedS()) {
            return Double.NaN;
        }
        return (double) (last.requests() - first.requests()) / (last.elapsedS() - first.elapsedS());
    }

    private Totals secondOldest() {
        var iterator = window.iterator();
        iterator.next();
        return iterator.next();
    }

    private static long number(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }

    /** One console summary: seconds since the simulation started, requests so far, failed (KO) requests so far. */
    record Totals(long elapsedS, long requests, long failed) {}
}
