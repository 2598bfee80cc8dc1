package dev.leakhunt.simulations.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The soak's progress: elapsed and remaining time, achieved rate, failed requests (from Gatling's console
 * summaries in its log) and the target's threads, live heap and fds (from the sampler's latest row). On a terminal
 * one line rewritten in place every second; otherwise a plain line every 30 s, which a log file can keep.
 */
final class Progress {
    private static final Duration PLAIN_PERIOD = Duration.ofSeconds(30);

    private final PrintStream out;
    private final boolean terminal;
    private final Path gatlingLog;
    private final double targetRate;
    private final Duration duration;
    private final GatlingConsole console = new GatlingConsole();
    private long logOffset;
    private final StringBuilder partialLine = new StringBuilder();
    private String liveHeapBytes;
    private long loadStartMs;
    private long lastPrintMs;

    Progress(PrintStream out, boolean terminal, RunFolder folder, SoakPlan plan) {
        this.out = out;
        this.terminal = terminal;
        this.gatlingLog = folder.log("gatling");
        this.targetRate = plan.simulation().arrivalsPerSecond();
        this.duration = plan.simulation().duration();
    }

    /** True once Gatling has printed that the simulation started. */
    boolean loadStarted() {
        return loadStartMs > 0;
    }

    /** Reads what Gatling printed since, and prints a line when one is due, with the sampler's latest row. */
    void tick(Map<String, String> latestSample) throws IOException {
        readGatlingLog();
        // rows without a GC leave the cell empty: keep the latest value seen, not the one at the last print
        if (latestSample.containsKey("heap_live_bytes")) {
            liveHeapBytes = latestSample.get("heap_live_bytes");
        }
        long now = System.currentTimeMillis();
        if (!loadStarted() && console.simulationStarted()) {
            loadStartMs = now;
        }
        if (!terminal && now - lastPrintMs < PLAIN_PERIOD.toMillis()) {
            return;
        }
        lastPrintMs = now;
        String line = line(now, latestSample);
        if (terminal) {
            out.print("\r" + line + "\033[K");
            out.flush();
        } else {
            out.println(line);
        }
    }

    /** Ends the updating line so that what follows starts on a line of its own. */
    void close() {
        if (terminal && lastPrintMs > 0) {
            out.println();
        }
    }

    private String line(long now, Map<String, String> row) {
        if (!loadStarted()) {
            return "starting Gatling (mvn gatling:test) …";
        }
        long elapsedS = Math.max(0, (now - loadStartMs) / 1000);
        long remainingS = Math.max(0, duration.toSeconds() - elapsedS);
        double achieved = console.achievedPerSecond();
        GatlingConsole.Totals totals = console.latest();
        return String.format(Locale.ROOT, "%s elapsed, %s left | %s of %.0f req/s | threads %s | live heap %s | fds %s | errors %s",
                clock(elapsedS), clock(remainingS),
                Double.isNaN(achieved) ? "-" : String.format(Locale.ROOT, "%.1f", achieved), targetRate,
                row.getOrDefault("threads", "-"), megabytes(liveHeapBytes), row.getOrDefault("open_fds", "-"),
                totals == null ? "-" : Long.toString(totals.failed()));
    }

    private void readGatlingLog() throws IOException {
        if (!Files.exists(gatlingLog)) {
            return;
        }
        try (RandomAccessFile in = new RandomAccessFile(gatlingLog.toFile(), "r")) {
            if (in.length() <= logOffset) {
                return;
            }
            byte[] chunk = new byte[(int) Math.min(in.length() - logOffset, 1 << 20)];
            in.seek(logOffset);
            in.readFully(chunk);
            logOffset += chunk.length;
            partialLine.append(new String(chunk, StandardCharsets.UTF_8));
        }
        int end;
        while ((end = partialLine.indexOf("\n")) >= 0) {
            console.accept(partialLine.substring(0, end));
            partialLine.delete(0, end + 1);
        }
    }

    private static String clock(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static String megabytes(String bytes) {
        return bytes == null ? "-" : String.format(Locale.ROOT, "%.1f MB", Long.parseLong(bytes) / 1e6);
    }
}
