package dev.leakhunt.simulations.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One soak, start to end: downstream and target, sampler, Gatling, and with STOP_ON_LEAK the live verdict; then,
 * however the load ended (it ran its course, a leak was confirmed, the target died, the pid-space guard tripped,
 * or SIGINT/SIGTERM arrived), every process stopped by pid, the
 * results collected, the reports built and the manifest finished. Only a stop request skips the reports, so
 * Ctrl-C is quick; the folder is reportable later with {@code make report}.
 */
final class Soak {
    static final int EXIT_COMPLETED = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_TARGET_DIED = 3;
    static final int EXIT_INTERRUPTED = 130;
    private static final Duration SIGNAL_CLEANUP_LIMIT = Duration.ofMinutes(2);
    private static final Duration MAX_RESTART_BACKOFF = Duration.ofSeconds(30);
    /** The sampler takes a last capture, heap walk included, when asked to stop while the target lives. */
    private static final Duration SAMPLER_GRACE = Duration.ofSeconds(45);
    /**
     * The sampler's own JVM, as sampler/README.md measured it: a fixed, pre-touched 64 MB heap, and every method
     * compiled by C1 at its first call, so that its RSS is flat from the first rows and its own verdict is not a
     * leak (compiled on demand, rarely run capture code kept growing the code cache for hours).
     */
    private static final List<String> SAMPLER_JVM_FLAGS = List.of("-Xms64m", "-Xmx64m", "-XX:+AlwaysPreTouch",
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xcomp");
    /**
     * A G1 marking cycle every 12 rows (a minute at the default interval): the live heap's sawtooth then repeats
     * several times within any block the verdict engine takes a median of, instead of climbing with the garbage
     * an unmarked old generation keeps.
     */
    private static final int ROWS_PER_MARKING_CYCLE = 12;
    /** The live verdict re-reads samples.csv each interval; a small heap holds a day of rows. */
    private static final List<String> WATCH_JVM_FLAGS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");
    /** {@code charts watch}: every series STOP_ON_LEAK asked for is a confirmed leak. */
    private static final int WATCH_EXIT_LEAK_CONFIRMED = 10;

    private final SoakPlan plan;
    private final Preflight preflight;
    private final PrintStream out = System.out;
    private final StopSignal stop = new StopSignal();
    private final BlockingQueue<Happening> happenings = new LinkedBlockingQueue<>();
    private final CountDownLatch finished = new CountDownLatch(1);

    private RunFolder folder;
    private EventLog events;
    private Manifest manifest;
    private TargetLauncher launcher;
    private ManagedProcess target;
    private ManagedProcess sampler;
    private ManagedProcess gatling;
    private ManagedProcess watch;
    private GatlingRun gatlingRun;
    private long oomKillsBefore;
    private int restarts;

    /** What ends or changes the waiting phase of the soak. */
    private enum Happening { GATLING_EXITED, TARGET_EXITED, SAMPLER_EXITED, WATCH_EXITED, STOP_REQUESTED }

    Soak(SoakPlan plan, Preflight preflight) {
        this.plan = plan;
        this.preflight = preflight;
    }

    int run() {
        Thread hook = new Thread(this::onSignal, "soak-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return supervise();
        } finally {
            finished.countDown();
        }
    }

    /** SIGINT or SIGTERM: ask the supervising thread to wind down and keep the JVM alive until it has. */
    private void onSignal() {
        stop.request();
        happenings.add(Happening.STOP_REQUESTED);
        try {
            finished.await(SIGNAL_CLEANUP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int supervise() {
        try {
            folder = RunFolder.create(plan.run());
        } catch (IOException e) {
            System.err.println("soak: cannot create the run folder: " + e.getMessage());
            closeCgroup();
            return EXIT_FAILED;
        }
        events = new EventLog(folder.events());
        manifest = new Manifest(folder.manifest(), plan.runId(), GitCommit.of(plan.home()),
                Runtime.version().toString(), plan.describe());
        out.println("soak: " + plan.runId() + " -> " + folder.root());
        Ending ending;
        try {
            ending = startAndWatch();
        } catch (IOException | RuntimeException e) {
            ending = new Ending("failed", EXIT_FAILED, "the soak failed: " + e);
        } catch (StartFailedException e) {
            ending = stop.requested() ? new Ending("interrupted", EXIT_INTERRUPTED, "stopped before the load began")
                    : new Ending("failed", EXIT_FAILED, e.getMessage());
        }
        stopEverything();
        assembleJfrLeftovers();
        if (gatlingRun != null && !ending.outcome().equals("interrupted")) {
            buildReports();
        }
        manifest.finish(ending.outcome(), ending.message());
        out.println("soak: " + ending.outcome() + (ending.message() == null ? "" : ": " + ending.message()));
        out.println("soak: run folder " + folder.root()
                + (ending.outcome().equals("interrupted") ? " (report it with: make report RUN=" + folder.root() + ")" : ""));
        return ending.exitCode();
    }

    private Ending startAndWatch() throws IOException, StartFailedException {
        if (preflight.cgroup() != null) {
            manifest.memoryCgroup(preflight.cgroup(), plan.memoryLimitBytes());
        }
        long targetPid = startTarget();
        startSampler(targetPid);
        if (plan.stopOnLeak().enabled()) {
            startWatch();
        }
        gatlingRun = new GatlingRun(plan, preflight, folder);
        gatling = gatlingRun.start();
        manifest.started("gatling", gatling.pid(), gatling.startedMs(), gatling.command());
        gatling.onExit().thenRun(() -> happenings.add(Happening.GATLING_EXITED));
        Progress progress = new Progress(out, System.console() != null && System.console().isTerminal(), folder, plan);
        DriverRss driverRss = new DriverRss(folder.driverRss());
        SamplesTail samples = new SamplesTail(folder.samples());
        Optional<PidSpaceGuard> guard = PidSpaceGuard.forThisMachine();
        try {
            while (true) {
                Happening happening = pollHappening(Duration.ofSeconds(1));
                Map<String, String> latestSample = samples.latest();
                boolean loadHadStarted = progress.loadStarted();
                progress.tick(latestSample);
                // Maven and the Gatling JVM take a while to start: the load begins when Gatling says so.
                if (!loadHadStarted && progress.loadStarted()) {
                    events.append("load_start", Map.of("rate_per_s", plan.simulation().arrivalsPerSecond()));
                }
                gatlingRun.linkLiveLog();
                gatlingRun.gatlingPid().ifPresent(pid -> recordRss(driverRss, pid));
                Optional<String> tripped = guard.flatMap(g -> g.tripped(latestSample));
                if (tripped.isPresent()) {
                    return new Ending("stopped_by_guard", EXIT_COMPLETED, tripped.get());
                }
                if (happening == Happening.WATCH_EXITED) {
                    Optional<Ending> confirmed = leakConfirmed();
                    if (confirmed.isPresent()) {
                        return confirmed.get();
                    }
                }
                if (happening == Happening.STOP_REQUESTED) {
                    return new Ending("interrupted", EXIT_INTERRUPTED, "stopped by a signal before the load ended");
                }
                if (happening == Happening.GATLING_EXITED) {
                    int code = gatling.ending().exitCode();
                    return code == 0 ? new Ending("completed", EXIT_COMPLETED, null)
                            : new Ending("failed", EXIT_FAILED, "Gatling (mvn gatling:test) exited with " + code
                                    + "; see " + folder.log("gatling"));
                }
                // The sampler ends by itself when the target dies; otherwise a soak without samples is worthless.
                if (happening == Happening.SAMPLER_EXITED && !sampler.isAlive() && targetAlive()) {
                    manifest.ended("sampler", sampler.ending());
                    return new Ending("failed", EXIT_FAILED, "the sampler exited with code "
                            + sampler.ending().exitCode() + " while the target ran; see " + folder.log("sampler"));
                }
                if (happening == Happening.TARGET_EXITED) {
                    String death = recordTargetDeath();
                    if (!plan.restart()) {
                        return new Ending("target_died", EXIT_TARGET_DIED,
                                death + "; the soak ended early (RESTART=1 restarts a dying target instead)");
                    }
                    out.println();
                    out.println("soak: " + death + "; restarting it (RESTART=1)");
                    restartTarget();
                }
            }
        } finally {
            progress.close();
            if (progress.loadStarted()) {
                events.append("load_end", Map.of("rate_per_s", plan.simulation().arrivalsPerSecond()));
            }
        }
    }

    private boolean targetAlive() {
        return target != null ? target.isAlive()
                : ProcessHandle.of(plan.targetPid()).map(ProcessHandle::isAlive).orElse(false);
    }

    private Happening pollHappening(Duration timeout) {
        try {
            return happenings.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Happening.STOP_REQUESTED;
        }
    }

    /** Starts (or adopts) the target and returns the pid of its JVM. */
    private long startTarget() throws IOException, StartFailedException {
        if (plan.targetPid() != null) {
            long pid = plan.targetPid();
            manifest.adopted("target", pid);
            manifest.target(commandOf(pid), List.of(), plan.simulation().baseUrl(), plan.metricsUrl());
            ProcessHandle.of(pid).orElseThrow().onExit().thenRun(() -> happenings.add(Happening.TARGET_EXITED));
            events.append("target_start", Map.of("pid", pid, "restart", 0));
            return pid;
        }
        launcher = plan.labTarget() ? new LabTarget(plan, preflight, folder, manifest)
                : new CommandTarget(plan, preflight, folder, manifest);
        return launchTarget();
    }

    /** An adopted process's command line as the kernel shows it (empty when it is not ours to read). */
    private static List<String> commandOf(long pid) {
        List<String> command = new ArrayList<>();
        ProcessHandle.of(pid).map(ProcessHandle::info).ifPresent(info -> {
            info.command().ifPresent(command::add);
            info.arguments().ifPresent(arguments -> command.addAll(List.of(arguments)));
        });
        return command;
    }

    private long launchTarget() throws IOException, StartFailedException {
        oomKillsBefore = oomKills().orElse(0);
        target = launcher.start(stop);
        manifest.target(launcher.command(), launcher.jvmFlags(), plan.simulation().baseUrl(), launcher.metricsUrl());
        ManagedProcess started = target;
        started.onExit().thenRun(() -> {
            if (started == target) {
                happenings.add(Happening.TARGET_EXITED);
            }
        });
        events.append("target_start", Map.of("pid", target.pid(), "restart", restarts));
        return launcher.jvmPid(target);
    }

    private void startSampler(long jvmPid) throws IOException {
        List<String> command = new ArrayList<>(List.of(preflight.java().toString()));
        command.addAll(SAMPLER_JVM_FLAGS);
        command.addAll(List.of("-jar", plan.jar("sampler", "sampler.jar").toString(), "--pid=" + jvmPid,
                "--out=" + folder.root(), "--interval=" + plan.sampleInterval().toMillis() + "ms",
                "--profile-every=" + plan.profileEvery().toSeconds() + "s",
                "--warmup=" + plan.warmup().toMillis() + "ms",
                "--mark-every=" + plan.sampleInterval().multipliedBy(ROWS_PER_MARKING_CYCLE).toMillis() + "ms"));
        if (plan.targetPid() == null) {
            command.add("--jfr-repository=" + folder.jfr());
        }
        String metricsUrl = plan.targetPid() != null ? plan.metricsUrl() : launcher.metricsUrl();
        if (metricsUrl != null) {
            command.add("--metrics-url=" + metricsUrl);
        }
        Path jfrSettings = plan.home().resolve("src/config/leakhunt.jfc");
        if (Files.isRegularFile(jfrSettings)) {
            command.add("--jfr-settings=" + jfrSettings);
        }
        ManagedProcess started = ManagedProcess.start("sampler", ChildCommands.ownSession(command), Map.of(),
                folder.log("sampler"));
        sampler = started;
        manifest.started("sampler", started.pid(), started.startedMs(), command);
        started.onExit().thenRun(() -> {
            if (started == sampler) {
                happenings.add(Happening.SAMPLER_EXITED);
            }
        });
    }

    /** STOP_ON_LEAK: {@code charts watch} follows the run's samples and exits once the leaks asked for are confirmed. */
    private void startWatch() throws IOException {
        Path charts = plan.jar("charts", "charts.jar");
        List<String> command = new ArrayList<>(List.of(preflight.java().toString()));
        command.addAll(WATCH_JVM_FLAGS);
        command.addAll(List.of("-jar", charts.toString(), "watch", folder.root().toString(),
                "--stop-on=" + plan.stopOnLeak().watchArgument()));
        ManagedProcess started = ManagedProcess.start("watch", ChildCommands.ownSession(command), Map.of(),
                folder.log("watch"));
        watch = started;
        manifest.started("watch", started.pid(), started.startedMs(), command);
        started.onExit().thenRun(() -> happenings.add(Happening.WATCH_EXITED));
    }

    /** The watch has exited: the soak's ending when it confirmed the leaks; otherwise a warning, and the soak goes on. */
    private Optional<Ending> leakConfirmed() throws IOException {
        ManagedProcess.Ending ended = watch.ending();
        manifest.ended("watch", ended);
        if (ended.exitCode() == WATCH_EXIT_LEAK_CONFIRMED) {
            return Optional.of(new Ending("stopped_on_leak", EXIT_COMPLETED, "the live verdict confirmed a leak on "
                    + String.join(", ", events.confirmedLeaks()) + " (STOP_ON_LEAK=" + plan.stopOnLeak().watchArgument()
                    + ")"));
        }
        warn("watch", "the live verdict exited with code " + ended.exitCode() + " (see " + folder.log("watch")
                + "); the soak runs its whole duration");
        return Optional.empty();
    }

    /** Records how the target ended (event and manifest) and returns it as one line. */
    private String recordTargetDeath() {
        Map<String, Object> event = new LinkedHashMap<>();
        String how;
        if (target == null) {
            long endedMs = System.currentTimeMillis();
            manifest.vanished("target", endedMs);
            event.put("pid", plan.targetPid());
            how = "the target (pid " + plan.targetPid() + ", not ours) exited";
        } else {
            ManagedProcess.Ending ending = target.ending();
            OptionalLong oomKills = oomKills();
            boolean oomKilled = oomKills.isPresent() && oomKills.getAsLong() > oomKillsBefore;
            if (oomKilled) {
                ending = ending.asOomKill();
            }
            manifest.ended("target", ending);
            event.put("pid", target.pid());
            event.put("exit_code", ending.exitCode());
            event.put("signal", ending.signal());
            event.put("oom_kill", oomKills.isPresent() ? oomKilled : null);
            how = "the target (pid " + target.pid() + ") died with exit code " + ending.exitCode()
                    + (ending.signal() != null ? " (signal " + ending.signal() + ")" : "")
                    + (oomKilled ? ", OOM-killed in its memory cgroup" : "");
        }
        events.append("target_exit", event);
        return how;
    }

    /** Like a kubelet: back off (1 s, doubling, at most 30 s), start the target again, sample the new JVM. */
    private void restartTarget() throws IOException, StartFailedException {
        restarts++;
        Duration backoff = Duration.ofSeconds(1L << Math.min(restarts - 1, 5));
        if (stop.sleep(backoff.compareTo(MAX_RESTART_BACKOFF) > 0 ? MAX_RESTART_BACKOFF : backoff)) {
            throw new StartFailedException("stopped before the restart");
        }
        // The sampler notices the death within one interval and ends by itself; make sure before the next one.
        try {
            sampler.awaitExit(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        manifest.ended("sampler", sampler.stop(ManagedProcess.DEFAULT_GRACE));
        startSampler(launchTarget());
    }

    /** Stops every process still running, each by pid, each recorded in the manifest; never throws. */
    private void stopEverything() {
        if (watch != null && watch.isAlive()) {
            manifest.ended("watch", watch.stop(ManagedProcess.DEFAULT_GRACE));
        }
        if (gatling != null) {
            manifest.ended("gatling", gatling.stop(ManagedProcess.DEFAULT_GRACE));
            try {
                gatlingRun.collectResults();
            } catch (IOException e) {
                warn("gatling", "cannot move Gatling's results into the run folder: " + e.getMessage());
            }
        }
        if (sampler != null) {
            manifest.ended("sampler", sampler.stop(SAMPLER_GRACE));
        }
        if (target != null && target.isAlive()) {
            manifest.ended("target", target.stop(ManagedProcess.DEFAULT_GRACE));
        }
        if (launcher != null) {
            launcher.close();
        }
        closeCgroup();
    }

    /** The JFR recording of each target that died without exiting, from the chunks it left (JfrLeftovers). */
    private void assembleJfrLeftovers() {
        try {
            for (JfrLeftovers.Assembled recording : JfrLeftovers.assemble(folder.jfr())) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("pid", recording.pid());
                event.put("file", folder.root().relativize(recording.file()).toString());
                event.put("chunks", recording.chunks());
                event.put("bytes", recording.bytes());
                recording.endMs().ifPresent(ms -> event.put("end_ms", ms));
                events.append("jfr_assembled", event);
                out.println("soak: the target (pid " + recording.pid() + ") died without closing its JFR recording; its "
                        + recording.chunks() + " chunks are " + event.get("file") + " ("
                        + String.format("%.1f MiB", recording.bytes() / (double) (1 << 20)) + ")");
            }
        } catch (IOException | RuntimeException e) {
            warn("jfr", "cannot assemble the JFR chunks left in " + folder.jfr() + ": " + e.getMessage());
        }
    }

    /** The report step's summary of the verdicts (charts README): from its "verdicts:" line to its "slo:" line. */
    private void printVerdictSummary(Path chartsLog) throws IOException {
        boolean inSummary = false;
        for (String line : Files.readAllLines(chartsLog)) {
            inSummary |= line.startsWith("verdicts: ");
            if (inSummary) {
                out.println(line);
            }
            inSummary &= !line.startsWith("slo: ");
        }
    }

    private void buildReports() {
        try {
            if (Files.exists(folder.simulationLog())) {
                out.println("soak: building Gatling's report (gatling/index.html)");
                int code = gatlingRun.report();
                if (code != 0) {
                    warn("gatling", "Gatling's report failed (exit " + code + "); see " + folder.log("gatling-report"));
                }
            }
            Path charts = plan.jar("charts", "charts.jar");
            if (!Files.isRegularFile(charts)) {
                warn("charts", "charts.jar is not built, so report.html is not; run 'make report RUN=" + folder.root() + "'");
                return;
            }
            out.println("soak: building the report (report.html)");
            List<String> command = List.of(preflight.java().toString(), "-jar", charts.toString(), "report",
                    folder.root().toString());
            try (ManagedProcess report = ManagedProcess.start("charts", ChildCommands.ownSession(command), Map.of(),
                    folder.log("charts"))) {
                report.awaitExit(Duration.ofMinutes(30));
                if (report.isAlive() || report.ending().exitCode() != 0) {
                    warn("charts", "the report step failed; see " + folder.log("charts"));
                } else {
                    printVerdictSummary(folder.log("charts"));
                    out.println("soak: report " + folder.root().resolve("report.html"));
                }
            }
        } catch (IOException e) {
            warn("report", "cannot build the reports: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            warn("report", "interrupted while building the reports");
        }
    }

    private void recordRss(DriverRss driverRss, long pid) {
        try {
            driverRss.maybeRecord(pid);
        } catch (IOException e) {
            warn("gatling", "cannot record the Gatling JVM's RSS: " + e.getMessage());
        }
    }

    private OptionalLong oomKills() {
        return preflight.cgroup() == null ? OptionalLong.empty() : preflight.cgroup().oomKills();
    }

    private void closeCgroup() {
        if (preflight.cgroup() != null) {
            try {
                preflight.cgroup().close();
            } catch (IOException e) {
                System.err.println("soak: " + e.getMessage());
            }
        }
    }

    private void warn(String source, String message) {
        System.err.println("soak: " + message);
        if (events != null) {
            events.append("warning", Map.of("source", "supervisor/" + source, "message", message));
        }
    }

    /** How the soak ended: the manifest's outcome, the process exit code, and a one-line explanation or null. */
    private record Ending(String outcome, int exitCode, String message) {}
}
