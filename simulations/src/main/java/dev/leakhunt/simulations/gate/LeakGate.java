package dev.leakhunt.simulations.gate;

import dev.leakhunt.simulations.soak.LabHeap;
import dev.leakhunt.simulations.soak.Leak;
import dev.leakhunt.simulations.soak.SoakSeries;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code make leak-gate} and {@code make bench-detect}: short accelerated soaks of the lab target, one per planted
 * leak and one control, each stopped as soon as the live verdict confirms its leak (STOP_ON_LEAK), then checked
 * from its run folder against its {@link GateCase}. One line per soak; exit 0 only if every soak passed. With
 * several seeds, {@link DetectionQuality} adds recall, precision and time to detect per leak class.
 */
@Command(name = "leak-gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Soak each planted leak and the control; assert leak verdicts, localization and a clean control.")
public final class LeakGate implements Callable<Integer> {
    static final long FIRST_SEED = 42;
    private static final DateTimeFormatter RUN_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Option(names = "--cases", split = ",",
            description = "leaks to soak, the control included (default: every case of gate/GateCase)")
    private List<Leak> cases;

    @Option(names = "--seeds", defaultValue = "1", description = "soaks per case, seeds 42, 43, … (default: ${DEFAULT-VALUE})")
    private int seeds;

    @Option(names = "--duration", defaultValue = "150s",
            description = "each soak's load; a planted leak's soak stops when it is confirmed (default: ${DEFAULT-VALUE})")
    private String duration;

    @Option(names = "--rate", description = "arrivals per second before ACCEL, for every case; default: each case's own "
            + "(gate/GateCase: 100, 50 for ticker and vthread)")
    private String rate;

    @Option(names = "--accel", defaultValue = "6",
            description = "rate and the target's time constants; the verdicts' time constants follow (default: ${DEFAULT-VALUE})")
    private String accel;

    @Option(names = "--cache-size", defaultValue = "4000",
            description = "the lab cache, small enough to fill and plateau within the control's soak (default: ${DEFAULT-VALUE})")
    private String cacheSize;

    @Option(names = "--interval", defaultValue = "1s", description = "the sampler's row period (default: ${DEFAULT-VALUE})")
    private String interval;

    @Option(names = "--heap",
            description = "the lab target's fixed heap for every case (the soak's lab flags at this size); default: "
                    + "each case's own (gate/GateCase: 128m, 512m for fd)")
    private String heap;

    @Option(names = "--out", description = "folder of the soaks' run folders (default: runs/leak-gate-<UTC time>)")
    private Path out;

    @Override
    public Integer call() throws IOException, URISyntaxException, InterruptedException {
        if (seeds < 1) {
            System.err.println("leak-gate: --seeds must be 1 or more, was " + seeds);
            return 2;
        }
        try (SoakSeries series = SoakSeries.ofThisCheckout()) {
            return gate(series);
        }
    }

    private int gate(SoakSeries series) throws IOException, InterruptedException {
        Path folder = out != null ? out : series.home().resolve("runs")
                .resolve("leak-gate-" + RUN_TIME.format(Instant.now()));
        Files.createDirectories(folder);
        List<Leak> toSoak = cases != null ? cases : GateCase.ALL.stream().map(GateCase::leak).toList();
        System.out.printf(Locale.ROOT, "leak-gate: %d soak(s) of at most %s at %s × %s req/s, cache %s, samples every %s -> %s%n",
                toSoak.size() * seeds, duration, rate != null ? rate : "the case's", accel, cacheSize, interval, folder);
        long startNs = System.nanoTime();
        List<CaseResult> results = new ArrayList<>();
        for (int s = 0; s < seeds && !series.stopping(); s++) {
            for (Leak leak : toSoak) {
                if (series.stopping()) {
                    break;
                }
                GateCase gateCase = GateCase.of(leak);
                long seed = FIRST_SEED + s;
                Path run = folder.resolve(leak.name() + "-seed" + seed);
                Path log = folder.resolve(run.getFileName() + ".log");
                long caseStartNs = System.nanoTime();
                int exit = series.soak(arguments(gateCase, seed, run), log);
                CaseResult result = Files.isRegularFile(run.resolve("manifest.json"))
                        ? CaseResult.read(gateCase, seed, run)
                        : new CaseResult(gateCase, seed, run, "not started", Map.of(), Map.of(), List.of(),
                                Optional.empty(), List.of("the soak exited " + exit + " before creating its run"
                                        + " folder; see " + log));
                results.add(result);
                System.out.println(GateLine.of(result, Duration.ofNanos(System.nanoTime() - caseStartNs)));
            }
        }
        long failed = results.stream().filter(r -> !r.passed()).count();
        if (seeds > 1) {
            System.out.print(DetectionQuality.of(results).table());
        }
        System.out.printf(Locale.ROOT, "leak-gate: %s, %d of %d soaks passed in %s%n", failed == 0 ? "PASS" : "FAIL",
                results.size() - failed, results.size(), GateLine.minutes(Duration.ofNanos(System.nanoTime() - startNs)));
        return failed == 0 ? 0 : 1;
    }

    private List<String> arguments(GateCase gateCase, long seed, Path run) {
        return List.of("--leak=" + gateCase.leak().name(), "--duration=" + duration,
                "--rate=" + (rate != null ? rate : Integer.toString(gateCase.ratePerS())),
                "--accel=" + accel, "--seed=" + seed, "--cache-size=" + cacheSize, "--interval=" + interval,
                "--stop-on-leak=" + gateCase.stopOnLeak(),
                "--java-opts=" + String.join(" ", LabHeap.fixed(heap != null ? heap : gateCase.heap())),
                "--run=" + run);
    }
}
