package dev.leakhunt.charts.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The cost of {@code charts watch} on a soak's machine: replays a {@code samples.csv} (e.g. the 24 h synthetic
 * run of {@code make bench-report}) into a fresh run folder one row per interval, re-timed to the wall clock,
 * while the watch follows it in a child JVM started as the supervisor starts it; prints the watch's CPU per
 * wall-clock second after its start-up, and its peak RSS.
 *
 * <p>Arguments: source samples.csv, run folder to write, rows written before the watch starts, interval in ms,
 * minutes of appending, charts.jar.
 */
final class WatchBench {

    /** The supervisor's flags for the watch (simulations' Soak). */
    private static final List<String> WATCH_JVM_FLAGS = List.of("-Xmx256m", "-XX:+UseSerialGC");
    /** CPU before this is the JVM's start-up, paid once; the figure is the steady cost after it. */
    private static final long STARTUP_MS = 15_000;
    private static final double CLOCK_TICKS_PER_S = 100;

    private WatchBench() {
    }

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        Path run = Path.of(args[1]);
        int prefill = Integer.parseInt(args[2]);
        long intervalMs = Long.parseLong(args[3]);
        long appendMs = Long.parseLong(args[4]) * 60_000;
        Path chartsJar = Path.of(args[5]);

        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        int rowsNeeded = prefill + (int) (appendMs / intervalMs) + 1;
        if (lines.size() - 1 < rowsNeeded) {
            throw new IllegalArgumentException(source + " has " + (lines.size() - 1) + " rows, " + rowsNeeded
                    + " needed");
        }
        Files.createDirectories(run);
        long nowMs = System.currentTimeMillis();
        long firstRowMs = nowMs - prefill * intervalMs;
        Files.writeString(run.resolve("manifest.json"), "{\"run_id\":\"watch-bench\",\"started_ms\":" + firstRowMs
                + ",\"parameters\":{\"accel\":1,\"warmup_s\":0}}");
        Files.writeString(run.resolve("events.jsonl"), "{\"ts_ms\":" + firstRowMs + ",\"type\":\"sampler_start\","
                + "\"pid\":1,\"interval_ms\":" + intervalMs + ",\"profile_every_ms\":300000}\n{\"ts_ms\":" + firstRowMs
                + ",\"type\":\"load_start\",\"rate_per_s\":100.0}\n");
        Path samples = run.resolve("samples.csv");
        try (BufferedWriter out = Files.newBufferedWriter(samples, StandardCharsets.UTF_8)) {
            out.write(lines.getFirst() + "\n");
            for (int i = 0; i < prefill; i++) {
                out.write(retimed(lines.get(i + 1), firstRowMs + i * intervalMs));
            }
        }

        Process watch = new ProcessBuilder(command(chartsJar, run)).redirectErrorStream(true)
                .redirectOutput(run.resolve("watch.log").toFile()).start();
        long startMs = System.currentTimeMillis();
        double cpuAfterStartup = Double.NaN;
        long afterStartupMs = 0;
        int row = prefill;
        try {
            while (System.currentTimeMillis() - startMs < appendMs) {
                Thread.sleep(intervalMs);
                Files.writeString(samples, retimed(lines.get(row + 1), firstRowMs + row * intervalMs),
                        StandardOpenOption.APPEND);
                row++;
                if (Double.isNaN(cpuAfterStartup) && System.currentTimeMillis() - startMs >= STARTUP_MS) {
                    cpuAfterStartup = cpuSeconds(watch.pid());
                    afterStartupMs = System.currentTimeMillis();
                }
            }
            double cpu = cpuSeconds(watch.pid());
            double wallS = (System.currentTimeMillis() - afterStartupMs) / 1000.0;
            String peakRss = Files.readAllLines(Path.of("/proc", Long.toString(watch.pid()), "status")).stream()
                    .filter(l -> l.startsWith("VmHWM:")).findFirst().orElse("VmHWM: ?").substring(6).strip();
            System.out.printf(Locale.ROOT, "watch-bench: %d rows at the start, then one every %d ms for %.1f min "
                            + "(%d rows at the end): %.2f s CPU in %.0f s after start-up = %.2f %% of one core; "
                            + "start-up %.2f s CPU; peak RSS %s%n", prefill, intervalMs, appendMs / 60_000.0, row,
                    cpu - cpuAfterStartup, wallS, 100 * (cpu - cpuAfterStartup) / wallS, cpuAfterStartup, peakRss);
            Files.writeString(run.resolve("manifest.json"), Files.readString(run.resolve("manifest.json"))
                    .replace("\"run_id\"", "\"ended_ms\":" + System.currentTimeMillis() + ",\"run_id\""));
            if (!watch.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the watch did not end with the run; see " + run.resolve("watch.log"));
            }
        } finally {
            watch.destroyForcibly();
        }
    }

    private static List<String> command(Path chartsJar, Path run) {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(WATCH_JVM_FLAGS);
        command.addAll(List.of("-jar", chartsJar.toString(), "watch", run.toString()));
        return command;
    }

    /** The row with its first cell (ts_ms) replaced. */
    private static String retimed(String row, long tsMs) {
        return tsMs + row.substring(row.indexOf(',')) + "\n";
    }

    /** utime + stime of a process, from {@code /proc/<pid>/stat} (fields 14 and 15, after the command's parens). */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_S;
    }
}
