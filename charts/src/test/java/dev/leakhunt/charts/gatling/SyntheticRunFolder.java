package dev.leakhunt.charts.gatling;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Builds a synthetic 24 h run folder for {@code make bench-report}: {@code samples.csv} with every column that
 * formats.md lists (read from its column table, so the bench follows the contract), 17,280 rows at 5 s, and a
 * {@code gatling/simulation.log} in Gatling 3.15.1's binary format with 500 requests per second — 43.2 million
 * requests, each with its user's start and end records as Gatling writes them (~42 bytes per request).
 * Seeded, so every build of it is identical. The live heap leaks 2 MB/h and RSS warms up then plateaus, so the
 * verdicts have something to find.
 */
final class SyntheticRunFolder {

    static final long START_EPOCH_MS = 1_795_000_000_000L;
    static final long DURATION_MS = 24 * 3_600_000L;
    static final long SAMPLE_INTERVAL_MS = 5_000;
    static final int REQUESTS_PER_SECOND = 500;
    private static final double MB = 1 << 20;
    private static final List<String> REQUEST_NAMES = List.of("read hit", "read miss", "write", "downstream");
    private static final String KO_MESSAGE = "status.find.in([200, 209], 304), found 500";
    /** One request in this many fails. */
    private static final int KO_EVERY = 997;

    private SyntheticRunFolder() {
    }

    static void write(Path runDir, Path formatsMd) throws IOException {
        Files.createDirectories(runDir.resolve("gatling"));
        writeSamples(runDir.resolve("samples.csv"), columns(formatsMd));
        writeGatlingLog(runDir.resolve("gatling").resolve("simulation.log"));
    }

    /** The {@code samples.csv} column names, in the order of formats.md's table. */
    static List<String> columns(Path formatsMd) throws IOException {
        String text = Files.readString(formatsMd);
        int from = text.indexOf("## `samples.csv`");
        int to = text.indexOf("\n## ", from + 1);
        List<String> names = new ArrayList<>();
        for (String line : text.substring(from, to).lines().toList()) {
            if (line.startsWith("| `")) {
                names.add(line.substring(3, line.indexOf('`', 3)));
            }
        }
        if (names.isEmpty() || !names.getFirst().equals("ts_ms")) {
            throw new IOException(formatsMd + ": no samples.csv column table starting with ts_ms");
        }
        return names;
    }

    private static void writeSamples(Path file, List<String> columns) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        int rows = (int) (DURATION_MS / SAMPLE_INTERVAL_MS);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", columns));
            out.write('\n');
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                row.setLength(0);
                double hours = i * SAMPLE_INTERVAL_MS / 3_600_000.0;
                for (int c = 0; c < columns.size(); c++) {
                    if (c > 0) {
                        row.append(',');
                    }
                    row.append(cell(columns.get(c), i, hours, random));
                }
                out.write(row.append('\n').toString());
            }
        }
    }

    private static String cell(String column, int row, double hours, SplittableRandom random) {
        double noise = random.nextGaussian();
        return switch (column) {
            case "ts_ms" -> Long.toString(START_EPOCH_MS + row * SAMPLE_INTERVAL_MS);
            case "heap_live_bytes" -> row % 6 == 0 ? "" : integer(300 * MB + 2 * MB * hours + 3 * MB * noise);
            case "heap_used_bytes" -> integer(300 * MB + 400 * MB * ((row % 23) / 23.0));
            case "heap_committed_bytes" -> integer(1024 * MB);
            case "heap_max_bytes" -> integer(2048 * MB);
            case "rss_bytes" -> integer(900 * MB + 300 * MB * (1 - Math.exp(-hours / 0.3)) + 5 * MB * noise);
            case "fd_limit" -> "4096";
            case "gc_pause_p99_ns", "gc_pause_max_ns" -> integer(2.5e6 + 0.4e6 * noise);
            case "req_p99_ms" -> decimal(30 + 2 * noise);
            case "req_rate_per_s" -> decimal(REQUESTS_PER_SECOND + 3 * noise);
            default -> genericCell(column, row, noise);
        };
    }

    /** Counters grow at a steady rate; gauges hover around a level fit for their unit. */
    private static String genericCell(String column, int row, double noise) {
        double seconds = row * SAMPLE_INTERVAL_MS / 1000.0;
        if (column.endsWith("_cpu_seconds")) {
            return decimal(0.02 * seconds);
        }
        if (column.endsWith("_total") || column.equals("gc_cycles")) {
            return integer(0.5 * seconds);
        }
        if (column.endsWith("_bytes")) {
            return integer(64 * MB + MB * noise);
        }
        return integer(Math.max(0, 40 + noise));
    }

    private static String integer(double value) {
        return Long.toString(Math.round(value));
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static void writeGatlingLog(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(43);
        try (OutputStream out = Files.newOutputStream(file);
             SimulationLogWriter log = new SimulationLogWriter(out)) {
            log.run(PinnedGatling.VERSION, "dev.leakhunt.simulations.SoakSimulation", START_EPOCH_MS, "",
                    List.of("soak"));
            long requests = DURATION_MS / 1_000 * REQUESTS_PER_SECOND;
            for (long r = 0; r < requests; r++) {
                int startMs = (int) (r * 1_000 / REQUESTS_PER_SECOND);
                int latencyMs = latencyMs(random);
                boolean ok = r % KO_EVERY != 0;
                log.user(0, true, startMs);
                log.request(List.of(), REQUEST_NAMES.get((int) (r % REQUEST_NAMES.size())), startMs,
                        startMs + latencyMs, ok, ok ? "" : KO_MESSAGE);
                log.user(0, false, startMs + latencyMs);
            }
        }
    }

    /** A long-tailed latency in whole ms: mostly 2–20 ms, a tail to a few hundred. */
    private static int latencyMs(SplittableRandom random) {
        return (int) Math.round(Math.exp(1.6 + 0.6 * random.nextGaussian()));
    }
}
