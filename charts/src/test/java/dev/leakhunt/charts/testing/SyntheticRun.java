package dev.leakhunt.charts.testing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a run folder's samples.csv and events.jsonl with known shapes (a linear live-heap leak under a GC
 * sawtooth, flat threads, a single GC pause spike, a target restart) so rendering tests can check that what
 * they put in comes out. Seeded: the same call writes the same bytes.
 */
public final class SyntheticRun {

    public static final long START_MS = 1_763_900_000_000L;
    public static final long INTERVAL_MS = 5_000;
    public static final double SPIKE_PAUSE_NS = 250e6;

    private SyntheticRun() {
    }

    /** @param rows 17,280 is 24 h at 5 s */
    public static void write(Path runDir, int rows) throws IOException {
        write(runDir, rows, START_MS);
    }

    /** The same shapes, starting at {@code startMs} (compare aligns runs that started at different times). */
    public static void write(Path runDir, int rows, long startMs) throws IOException {
        Files.createDirectories(runDir);
        Random random = new Random(42);
        int spikeRow = rows * 2 / 3 + 7;
        int restartRow = rows * 3 / 4;
        try (Writer out = Files.newBufferedWriter(runDir.resolve("samples.csv"), StandardCharsets.UTF_8)) {
            out.write("ts_ms,threads,virtual_threads,os_threads,heap_live_bytes,heap_used_bytes,"
                    + "heap_committed_bytes,heap_max_bytes,rss_bytes,open_fds,fds_socket,fds_file,gc_pause_p99_ns,"
                    + "gc_pause_max_ns,gc_cpu_seconds,process_cpu_seconds,req_p99_ms,fd_limit,unknown_future_column\n");
            double gcCpu = 0;
            double cpu = 0;
            for (int r = 0; r < rows; r++) {
                if (r == restartRow) {
                    gcCpu = 0;
                    cpu = 0;
                }
                double hours = r * INTERVAL_MS / 3_600_000.0;
                double live = 80e6 + 20e6 * hours + random.nextGaussian() * 1e6;
                double used = live + (r % 12) * 15e6;
                boolean gcEnded = r % 3 == 0;
                double pause = r == spikeRow ? SPIKE_PAUSE_NS : 2e6 + random.nextDouble() * 1e6;
                gcCpu += 0.05 + random.nextDouble() * 0.02;
                cpu += 0.6 + random.nextDouble() * 0.1;
                out.write(String.join(",",
                        Long.toString(startMs + r * INTERVAL_MS),
                        Integer.toString(40 + random.nextInt(3)),
                        "",
                        Integer.toString(60 + random.nextInt(3)),
                        gcEnded ? Long.toString((long) live) : "",
                        Long.toString((long) used),
                        Long.toString(1L << 30),
                        Long.toString(4L << 30),
                        Long.toString((long) (used + 300e6)),
                        Integer.toString(30 + random.nextInt(2)),
                        Integer.toString(10 + random.nextInt(2)),
                        "12",
                        Long.toString((long) pause),
                        Long.toString((long) (pause * 1.2)),
                        String.format(java.util.Locale.ROOT, "%.3f", gcCpu),
                        String.format(java.util.Locale.ROOT, "%.3f", cpu),
                        String.format(java.util.Locale.ROOT, "%.1f", 4 + random.nextDouble()),
                        "1048576",
                        "7"));
                out.write('\n');
            }
            // A killed writer leaves a torn row without its line end.
            out.write(Long.toString(startMs + rows * INTERVAL_MS) + ",41,,6");
        }
        long restartMs = startMs + restartRow * INTERVAL_MS;
        Files.writeString(runDir.resolve("events.jsonl"),
                "{\"ts_ms\":" + startMs + ",\"type\":\"target_start\",\"pid\":100,\"restart\":0}\n"
                + "{\"ts_ms\":" + (restartMs - 1) + ",\"type\":\"target_exit\",\"pid\":100,\"exit_code\":137,"
                + "\"oom_kill\":true}\n"
                + "{\"ts_ms\":" + restartMs + ",\"type\":\"target_start\",\"pid\":200,\"restart\":1}\n"
                + "{\"ts_ms\":" + (restartMs + 10) + ",\"type\":\"warn", StandardCharsets.UTF_8);
    }

    public static long endMs(int rows) {
        return START_MS + (rows - 1) * INTERVAL_MS;
    }
}
