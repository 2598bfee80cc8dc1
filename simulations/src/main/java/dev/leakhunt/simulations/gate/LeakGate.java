package dev.leakhunt.simulations.gate;

import dev.leakhunt.simulations.soak.ChildCommands;
import dev.leakhunt.simulations.soak.LabHeap;
import dev.leakhunt.simulations.soak.Leak;
import dev.leakhunt.simulations.soak.ManagedProcess;
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
    /** A soak stopped by a signal ends its children and writes its manifest within its own 2 min limit. */
    private static final Duration SOAK_STOP_GRACE = Duration.ofMinutes(2);
    /** A soak's exit status when the gate stopped it before it ran (130: interrupted, as by Ctrl-C). */
    private static final int EXIT_STOPPED = 130;

    @Option(names = "--cases", split = ",",
            description = "leaks to soak, the control included (default: every case of gate/GateCase)")
    private List<Leak> cases;

    @Option(names = "--seeds", defaultValue = "1", description = "soaks per case, seeds 42, 43, … (default: ${DEFAULT-VALUE})")
    private int seeds;

    @Option(names = "--duration", defaultValue = "150s",
            description = "each soak's load; a planted leak's soak stops when it is confirmed (default: ${DEFAULT-VALUE})")
    private String duration;

    @Option(names = "--rate", description = "arrivals per second before ACCEL, for every case; default: each case's own "
            + "(gate/GateCase: 100, 50 for ticker)")
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
        Path soakJar = Path.of(LeakGate.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path folder = out != null ? out : soakJar.getParent().getParent().getParent().resolve("runs")
                .resolve("leak-gate-" + RUN_TIME.format(Instant.now()));
        Files.createDirectories(folder);
        CurrentSoak running = new CurrentSoak();
        Thread stopRunning = new Thread(running::stop, "leak-gate-stop");
        Runtime.getRuntime().addShutdownHook(stopRunning);

        List<Leak> toSoak = cases != null ? cases : GateCase.ALL.stream().map(GateCase::leak).toList();
        System.out.printf(Locale.ROOT, "leak-gate: %d soak(s) of at most %s at %s × %s req/s, cache %s, samples every %s -> %s%n",
                toSoak.size() * seeds, duration, rate != null ? rate : "the case's", accel, cacheSize, interval, folder);
        long startNs = System.nanoTime();
        List<CaseResult> results = new ArrayList<>();
        for (int s = 0; s < seeds && !running.stopping(); s++) {
            for (Leak leak : toSoak) {
                if (running.stopping()) {
                    break;
                }
                GateCase gateCase = GateCase.of(leak);
                long seed = FIRST_SEED + s;
                Path run = folder.resolve(leak.name() + "-seed" + seed);
                long caseStartNs = System.nanoTime();
                int exit = soak(soakJar, gateCase, seed, run, folder.resolve(run.getFileName() + ".log"), running);
                CaseResult result = Files.isRegularFile(run.resolve("manifest.json"))
                        ? CaseResult.read(gateCase, seed, run)
                        : new CaseResult(gateCase, seed, run, "not started", Map.of(), Map.of(), List.of(),
                                java.util.Optional.empty(), List.of("the soak exited " + exit + " before creating its run"
                                        + " folder; see " + folder.resolve(run.getFileName() + ".log")));
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
        try {
            Runtime.getRuntime().removeShutdownHook(stopRunning);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C or SIGTERM: the hook has run, and the JVM refuses changes to its hooks now
        }
        return failed == 0 ? 0 : 1;
    }

    private int soak(Path soakJar, GateCase gateCase, long seed, Path run, Path log,
                     CurrentSoak running) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                soakJar.toString(), "--leak=" + gateCase.leak().name(), "--duration=" + duration,
                "--rate=" + (rate != null ? rate : Integer.toString(gateCase.ratePerS())),
                "--accel=" + accel, "--seed=" + seed, "--cache-size=" + cacheSize, "--interval=" + interval,
                "--stop-on-leak=" + gateCase.stopOnLeak(),
                "--java-opts=" + String.join(" ", LabHeap.fixed(heap != null ? heap : gateCase.heap())),
                "--run=" + run);
        try (ManagedProcess soak = ManagedProcess.start("soak", ChildCommands.ownSession(command), Map.of(), log)) {
            if (!running.begin(soak)) {
                return EXIT_STOPPED; // the gate is stopping: close() stops the soak that just started
            }
            soak.onExit().join();
            running.end();
            return soak.ending().exitCode();
        }
    }

    /**
     * The soak running now. Ctrl-C or SIGTERM stops it, by pid, and no further soak starts: the loop asks
     * {@link #stopping()} before each, and a soak started while the stop ran is stopped at once.
     */
    private static final class CurrentSoak {
        private ManagedProcess soak;
        private boolean stopping;

        synchronized boolean begin(ManagedProcess started) {
            soak = stopping ? null : started;
            return !stopping;
        }

        synchronized void end() {
            soak = null;
        }

        synchronized boolean stopping() {
            return stopping;
        }

        void stop() {
            ManagedProcess toStop;
            synchronized (this) {
                stopping = true;
                toStop = soak;
            }
            if (toStop != null) {
                toStop.stop(SOAK_STOP_GRACE);
            }
        }
    }
}
