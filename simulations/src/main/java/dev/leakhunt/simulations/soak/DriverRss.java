package dev.leakhunt.simulations.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * Records the Gatling JVM's resident set every period into {@code logs/gatling-rss.csv}
 * ({@code ts_ms,pid,rss_bytes}): the driver must stay flat over a long soak too, and its memory is the first thing
 * to suspect when the achieved rate sags.
 */
final class DriverRss {
    private static final long PERIOD_MS = 10_000;

    private final Path file;
    private long lastMs;

    DriverRss(Path file) {
        this.file = file;
    }

    void maybeRecord(long pid) throws IOException {
        long now = System.currentTimeMillis();
        if (now - lastMs < PERIOD_MS) {
            return;
        }
        OptionalLong rss = rssBytes(pid);
        if (rss.isEmpty()) {
            return;
        }
        lastMs = now;
        if (!Files.exists(file)) {
            Files.writeString(file, "ts_ms,pid,rss_bytes\n", StandardCharsets.UTF_8);
        }
        Files.writeString(file, now + "," + pid + "," + rss.getAsLong() + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    /** VmRSS of /proc/&lt;pid&gt;/status, in bytes; empty when the process is gone. */
    static OptionalLong rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String kilobytes = line.substring("VmRSS:".length()).replace("kB", "").trim();
                    return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
