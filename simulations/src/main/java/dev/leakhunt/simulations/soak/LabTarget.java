package dev.leakhunt.simulations.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The lab target-app and its downstream, two processes of the same jar: the downstream answers the target's
 * {@code /api/downstream} calls from a separate process, so the target's fd and thread counts hold only its own
 * end of those connections. Ports are fixed at the first start so a restarted target serves where Gatling sends.
 */
final class LabTarget implements TargetLauncher {
    /**
     * A quarter of the target-app's own default: it fills in about 2.6 min at the demo's 400 req/s, so the curves
     * of an 8-minute demo are judged after the cache is warm (the report waits for the fill). Passed explicitly, so
     * that the warm-up estimate and the target agree.
     */
    static final int DEFAULT_CACHE_SIZE = 20_000;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /**
     * With the lab's default flags: the sampler then records the JVM's committed native memory every row
     * ({@code nmt_committed_bytes}) and by category at each profile capture, so an RSS that rises is either
     * traced to a JVM subsystem (thread stacks, code cache, metaspace, JFR…) or shown to be outside it.
     */
    static final String NATIVE_MEMORY_TRACKING = "-XX:NativeMemoryTracking=summary";
    /**
     * Puts the JFR repository in the run folder from the first chunk on, so that a killed target leaves even its boot
     * chunk there. A {@code -XX:FlightRecorderOptions} in JAVA_OPTS would replace this one whole (the JVM keeps the
     * last), so none is added then: the sampler moves the repository at attach, unless that flag names one.
     */
    private static final String FLIGHT_RECORDER_OPTIONS = "-XX:FlightRecorderOptions";
    private static final Pattern HEAP_SIZING_FLAG = Pattern.compile(
            "-Xm[sx]|-XX:(Initial|Max|Min)HeapSize=|-XX:(Initial|Max|Min)RAMPercentage=|-XX:MaxRAM=|-XX:MaxRAMFraction=");

    private final SoakPlan plan;
    private final Preflight preflight;
    private final RunFolder folder;
    private final Manifest manifest;
    private final int adminPort;
    private final int downstreamPort;
    private ManagedProcess downstream;
    private List<String> command;

    LabTarget(SoakPlan plan, Preflight preflight, RunFolder folder, Manifest manifest) {
        this.plan = plan;
        this.preflight = preflight;
        this.folder = folder;
        this.manifest = manifest;
        List<Integer> ports;
        do {
            ports = FreePort.pick(2);
        } while (ports.contains(plan.port()));
        this.adminPort = ports.get(0);
        this.downstreamPort = ports.get(1);
    }

    @Override
    public ManagedProcess start(StopSignal stop) throws IOException, StartFailedException {
        if (downstream == null) {
            downstream = startDownstream(stop);
        }
        List<String> java = new ArrayList<>(List.of(preflight.java().toString()));
        java.addAll(jvmFlags());
        if (plan.javaOpts().stream().noneMatch(flag -> flag.startsWith(FLIGHT_RECORDER_OPTIONS))) {
            java.add(FLIGHT_RECORDER_OPTIONS + ":repository=" + folder.jfr());
        }
        java.addAll(List.of("-jar", jar().toString(), "--role=target", "--leak=" + plan.leak().name(),
                "--port=" + plan.port(), "--admin-port=" + adminPort, "--cache-size=" + plan.cacheSize(),
                "--downstream=" + downstreamUrl(), "--accel=" + plan.simulation().accel(),
                "--dump-dir=" + folder.root().resolve("profiles").resolve("dumps")));
        command = java;
        List<String> wrapped = plan.nofile() == null ? java : ChildCommands.withFdLimit(plan.nofile(), java);
        if (preflight.cgroup() != null) {
            wrapped = preflight.cgroup().enter(wrapped);
        }
        return startAndAwait("target", ChildCommands.ownSession(wrapped), stop);
    }

    private ManagedProcess startDownstream(StopSignal stop) throws IOException, StartFailedException {
        List<String> command = List.of(preflight.java().toString(), "-jar", jar().toString(),
                "--role=downstream", "--port=" + downstreamPort);
        return startAndAwait("downstream", ChildCommands.ownSession(command), stop);
    }

    private String downstreamUrl() {
        return "http://127.0.0.1:" + downstreamPort;
    }

    private ManagedProcess startAndAwait(String role, List<String> command, StopSignal stop)
            throws IOException, StartFailedException {
        Path log = folder.log(role);
        long offset = Files.exists(log) ? Files.size(log) : 0;
        ManagedProcess process = ManagedProcess.start(role, command, Map.of(), log);
        manifest.started(role, process.pid(), process.startedMs(), command);
        try {
            Readiness.awaitReadyLine(log, offset, process, stop, START_TIMEOUT);
            return process;
        } catch (IOException | StartFailedException | RuntimeException e) {
            manifest.ended(role, process.stop(ManagedProcess.DEFAULT_GRACE));
            throw e;
        }
    }

    private Path jar() {
        return plan.jar("target-app", "target-app.jar");
    }

    @Override
    public List<String> command() {
        return command;
    }

    @Override
    public List<String> jvmFlags() {
        boolean heapSized = plan.memoryLimitBytes() != null
                || plan.javaOpts().stream().anyMatch(flag -> HEAP_SIZING_FLAG.matcher(flag).lookingAt());
        if (heapSized) {
            return plan.javaOpts();
        }
        List<String> flags = new ArrayList<>(LabHeap.fixed(LabHeap.SOAK_SIZE));
        flags.add(NATIVE_MEMORY_TRACKING);
        flags.addAll(plan.javaOpts());
        return flags;
    }

    @Override
    public String metricsUrl() {
        return "http://127.0.0.1:" + adminPort + "/metrics";
    }

    @Override
    public long jvmPid(ManagedProcess target) {
        return target.pid();
    }

    @Override
    public void close() {
        if (downstream != null) {
            manifest.ended("downstream", downstream.stop(ManagedProcess.DEFAULT_GRACE));
        }
    }
}
