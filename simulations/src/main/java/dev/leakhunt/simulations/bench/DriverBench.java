package dev.leakhunt.simulations.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakhunt.simulations.load.LoadTimeline;
import dev.leakhunt.simulations.load.LoadWaves;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code make bench-driver RUN=<run folder>}: did the driver hold the rate? Per minute of load, the arrivals the
 * injection profile asks for against the requests Gatling recorded in {@code simulation.log}, the largest
 * deviation after the first minute (the promise: within {@value #LIMIT_PERCENT} %), and the Gatling JVM's RSS at
 * minutes 1 and 10 from {@code logs/gatling-rss.csv}.
 */
@Command(name = "bench-driver", mixinStandardHelpOptions = true,
        description = "Per-minute achieved vs target requests of a run, and the Gatling JVM's RSS.")
public final class DriverBench implements Callable<Integer> {
    static final double LIMIT_PERCENT = 1.0;

    @Parameters(index = "0", paramLabel = "RUN", description = "the run folder")
    private Path run;

    @Override
    public Integer call() throws IOException {
        Path log = run.resolve("gatling/simulation.log");
        Path manifestFile = run.resolve("manifest.json");
        if (!Files.isRegularFile(log) || !Files.isRegularFile(manifestFile)) {
            System.err.println("bench-driver: " + run + " is not a run folder with gatling/simulation.log and manifest.json");
            return 2;
        }
        JsonNode parameters = new ObjectMapper().readTree(manifestFile.toFile()).path("parameters");
        double arrivalsPerSecond = parameters.path("arrivals_per_s").asDouble();
        Duration duration = Duration.ofSeconds(parameters.path("duration_s").asLong());
        LoadTimeline timeline = LoadTimeline.of(duration, Duration.ofSeconds(parameters.path("ramp_s").asLong()),
                new LoadWaves(Duration.ofSeconds(parameters.path("wave_on_s").asLong()),
                        Duration.ofSeconds(parameters.path("wave_off_s").asLong())));
        SimulationLogCounter.Counts counts = SimulationLogCounter.read(log);
        int minutes = (int) duration.toMinutes();
        System.out.printf(Locale.ROOT, "bench-driver: %s — %s at %.1f arrivals/s for %ds; %d requests, %d failed%n",
                run, counts.simulation(), arrivalsPerSecond, duration.toSeconds(), counts.requests(), counts.failed());
        System.out.println("minute     target   achieved  deviation");
        double maxDeviation = 0;
        for (int minute = 0; minute < minutes; minute++) {
            double target = timeline.arrivals(arrivalsPerSecond, minute * 60, minute * 60 + 60);
            long achieved = counts.between(minute * 60, minute * 60 + 60);
            double deviation = target == 0 ? 0 : 100.0 * (achieved - target) / target;
            if (minute > 0) {
                maxDeviation = Math.max(maxDeviation, Math.abs(deviation));
            }
            System.out.printf(Locale.ROOT, "%6d %10.0f %10d %+9.3f %%%n", minute + 1, target, achieved, deviation);
        }
        boolean held = minutes > 1 && maxDeviation <= LIMIT_PERCENT;
        System.out.printf(Locale.ROOT, "max |deviation| after minute 1: %.3f %% (limit %.0f %%): %s%n", maxDeviation,
                LIMIT_PERCENT, minutes > 1 ? (held ? "held" : "NOT held") : "run too short to judge");
        long loadStartMs = counts.startEpochMs() + counts.firstArrivalMs();
        System.out.println("Gatling JVM RSS: " + rssAt(loadStartMs + 60_000, "minute 1") + ", "
                + rssAt(loadStartMs + 600_000, "minute 10"));
        return held ? 0 : 1;
    }

    /** The recorded RSS closest to {@code epochMs}, when one lies within 30 s of it. */
    private String rssAt(long epochMs, String label) throws IOException {
        Path file = run.resolve("logs/gatling-rss.csv");
        if (!Files.isRegularFile(file)) {
            return label + " unknown (no logs/gatling-rss.csv)";
        }
        String best = null;
        long bestDistance = 30_000;
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells.length == 3) {
                long distance = Math.abs(Long.parseLong(cells[0]) - epochMs);
                if (distance <= bestDistance) {
                    bestDistance = distance;
                    best = String.format(Locale.ROOT, "%s %.1f MB (pid %s)", label, Long.parseLong(cells[2]) / 1e6, cells[1]);
                }
            }
        }
        return best != null ? best : label + " not reached";
    }
}
