package dev.leakhunt.simulations.soak;

import dev.leakhunt.simulations.bench.DriverBench;
import dev.leakhunt.simulations.experiment.ExperimentCommand;
import dev.leakhunt.simulations.gate.LeakGate;
import dev.leakhunt.simulations.load.LoadWaves;
import dev.leakhunt.simulations.load.SimulationParameters;
import dev.leakhunt.simulations.mix.LabMix;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code make soak}: one supervisor owns the whole run. Without options it runs the short demo: the lab target
 * with its map leak, at twice the default rate, for eight minutes.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false, subcommands = {DriverBench.class, LeakGate.class, ExperimentCommand.class},
        description = "Soak a JVM service at a constant arrival rate, sample it, then report the run.")
public final class SoakCommand implements Callable<Integer> {
    static final int EXIT_BAD_INPUT = 2;
    private static final DateTimeFormatter RUN_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Option(names = "--leak", converter = LeakConverter.class,
            description = "lab target's planted leak: none|thread|fd|map|ticker|vthread|direct|metaspace (default: map)")
    private Leak leak;

    // 8 minutes: the report needs 5 minutes of evidence after warm-up to call a curve, and the whole demo
    // (start-up and reports included) stays under 10 minutes.
    @Option(names = "--duration", defaultValue = "8m", converter = DurationConverter.class,
            description = "load duration, e.g. 90s, 10m, 12h (default: ${DEFAULT-VALUE})")
    private Duration duration;

    @Option(names = "--rate", defaultValue = "200", description = "arrivals per second before --accel (default: ${DEFAULT-VALUE})")
    private double rate;

    @Option(names = "--accel", defaultValue = "2",
            description = "multiplies the rate and the target's time constants (default: ${DEFAULT-VALUE})")
    private double accel;

    @Option(names = "--seed", defaultValue = "42", description = "decides the request mix per arrival (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--run", description = "run folder (default: runs/<UTC yyyyMMdd'T'HHmmss'Z'>-<leak>)")
    private Path run;

    @Option(names = "--memory-limit", converter = SizeConverter.class,
            description = "put the target in a memory cgroup with this limit, e.g. 512m")
    private Long memoryLimitBytes;

    @Option(names = "--nofile", description = "the target's open-file limit")
    private Integer nofile;

    @Option(names = "--java-opts", defaultValue = "", description = "JVM flags of the target (JAVA_OPTS)")
    private String javaOpts;

    @Option(names = "--port", defaultValue = "0", description = "the lab target's public port (default: any free one)")
    private int port;

    @Option(names = "--waves", converter = WavesConverter.class,
            description = "on/off load waves, e.g. 60s/30s (default: constant load)")
    private LoadWaves waves;

    @Option(names = "--target-cmd", description = "soak your own service: how to start it (run by sh)")
    private String targetCommand;

    @Option(names = "--target-pid", description = "soak your own service that is already running (never stopped by us)")
    private Long targetPid;

    @Option(names = "--target-url", description = "base URL of your service, e.g. http://127.0.0.1:9090")
    private String targetUrl;

    @Option(names = "--mix", description = "JSON request mix for your service (see simulations/README.md)")
    private Path mix;

    @Option(names = "--metrics-url", description = "your service's Prometheus endpoint, for the sampler")
    private String metricsUrl;

    @Option(names = "--health-path", defaultValue = "/healthz",
            description = "path answering 2xx once the target is up (default: ${DEFAULT-VALUE})")
    private String healthPath;

    @Option(names = "--restart", defaultValue = "0", description = "1: restart a target that dies, like a kubelet; 0: end the soak (default)")
    private int restart;

    @Option(names = "--stop-on-leak", defaultValue = "0", converter = StopOnLeakConverter.class,
            description = "1: end the soak once the live verdict confirms a leak on any series; a list such as"
                    + " os_threads,heap_live_bytes: once all of them leak; 0: run the whole duration (default)")
    private StopOnLeak stopOnLeak;

    @Option(names = "--interval", defaultValue = "5s", converter = DurationConverter.class,
            description = "the sampler's row period (default: ${DEFAULT-VALUE})")
    private Duration sampleInterval;

    @Option(names = "--cache-size", description = "the lab target's item cache, in entries (default: "
            + LabTarget.DEFAULT_CACHE_SIZE + ")")
    private Integer cacheSize;

    @Option(names = "--warmup", converter = DurationConverter.class,
            description = "the least warm-up after the load starts, judged by the report as such (default: the"
                    + " ramp, plus for the lab target the time its cache takes to fill)")
    private Duration warmup;

    @Option(names = "--home", hidden = true, description = "the leakhunt checkout (default: found from this jar)")
    private Path home;

    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new SoakCommand());
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            PrintWriter err = exception.getCommandLine().getErr();
            err.println("soak: " + exception.getMessage() + " (soak --help lists the options)");
            return EXIT_BAD_INPUT;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        SoakPlan plan;
        Preflight preflight;
        try {
            plan = plan();
            preflight = Preflight.check(plan);
        } catch (BadInputException e) {
            System.err.println("soak: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        return new Soak(plan, preflight).run();
    }

    private SoakPlan plan() throws BadInputException {
        boolean foreign = targetCommand != null || targetPid != null;
        if (targetCommand != null && targetPid != null) {
            throw new BadInputException("give either TARGET_CMD (we start your service) or TARGET_PID (it runs already), not both");
        }
        if (foreign && leak != null) {
            throw new BadInputException("LEAK applies to the lab target only; leave it out when soaking TARGET_CMD or TARGET_PID");
        }
        if (foreign && (targetUrl == null || mix == null)) {
            throw new BadInputException("a service of your own needs TARGET_URL (e.g. http://127.0.0.1:9090) and MIX (a JSON mix file)");
        }
        if (!foreign && (targetUrl != null || mix != null || metricsUrl != null)) {
            throw new BadInputException("TARGET_URL, MIX and METRICS_URL need TARGET_CMD or TARGET_PID (without them the lab target is soaked)");
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new BadInputException("RATE must be a positive number of arrivals per second, was " + rate);
        }
        if (!(accel >= 1) || accel > 1000) {
            throw new BadInputException("ACCEL must be a number from 1 to 1000, was " + accel);
        }
        if (duration.isZero()) {
            throw new BadInputException("DURATION must be longer than 0s, e.g. 90s, 10m, 12h");
        }
        if (nofile != null && nofile < 64) {
            throw new BadInputException("NOFILE must be at least 64 (a JVM needs dozens of fds to start), was " + nofile);
        }
        if (port < 0 || port > 65535) {
            throw new BadInputException("--port must be 0 (any free port) or 1..65535, was " + port);
        }
        if (restart != 0 && restart != 1) {
            throw new BadInputException("RESTART must be 0 or 1, was " + restart);
        }
        if (sampleInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new BadInputException("INTERVAL must be at least 1s, e.g. 1s, 5s, 1m; was " + sampleInterval.toMillis() + "ms");
        }
        if (foreign && cacheSize != null) {
            throw new BadInputException("CACHE_SIZE applies to the lab target only; leave it out when soaking TARGET_CMD or TARGET_PID");
        }
        if (cacheSize != null && cacheSize < 1) {
            throw new BadInputException("CACHE_SIZE must be a positive number of entries, was " + cacheSize);
        }
        if (targetPid != null && (restart == 1 || memoryLimitBytes != null || nofile != null || !javaOpts.isBlank())) {
            throw new BadInputException("RESTART, MEMORY_LIMIT, NOFILE and JAVA_OPTS apply to a target the supervisor starts;"
                    + " with TARGET_PID use TARGET_CMD instead");
        }
        Leak chosenLeak = foreign ? null : leak == null ? Leak.map : leak;
        Path checkout = home != null ? home.toAbsolutePath().normalize() : jarHome();
        String runId = run != null ? run.getFileName().toString()
                : RUN_TIME.format(Instant.now()) + "-" + (foreign ? "service" : chosenLeak.name());
        Path runFolder = run != null ? run.toAbsolutePath().normalize() : checkout.resolve("runs").resolve(runId);
        // The lab target's port is fixed now, so a restarted target serves where Gatling keeps sending.
        int labPort = foreign ? 0 : port != 0 ? port : FreePort.pick();
        String baseUrl = foreign ? baseUrl(targetUrl) : "http://127.0.0.1:" + labPort;
        SimulationParameters simulation = new SimulationParameters(baseUrl, rate, accel, duration, rampUp(duration), seed,
                SimulationParameters.DEFAULT_REQUEST_TIMEOUT, waves == null ? LoadWaves.NONE : waves,
                LabMix.defaults(), mix == null ? null : mix.toAbsolutePath().normalize().toString());
        Integer labCacheSize = foreign ? null : cacheSize != null ? cacheSize : LabTarget.DEFAULT_CACHE_SIZE;
        return new SoakPlan(checkout, runId, runFolder, chosenLeak, simulation, memoryLimitBytes, nofile,
                javaOpts.isBlank() ? List.of() : Arrays.asList(javaOpts.trim().split("\\s+")), labPort,
                targetCommand, targetPid, metricsUrl, healthPath, restart == 1, stopOnLeak, sampleInterval,
                profileEvery(duration), labCacheSize, warmup != null ? warmup : expectedWarmup(simulation, labCacheSize));
    }

    /** The ramp, and for the lab target the time its cache takes to fill at the run's rate. */
    static Duration expectedWarmup(SimulationParameters simulation, Integer labCacheSize) {
        return labCacheSize == null ? simulation.rampUp()
                : simulation.labMix().cacheFillTime(labCacheSize, simulation.arrivalsPerSecond(), simulation.rampUp());
    }

    /** A tenth of the run, at most 30 s: the cold target warms up under rising load, within the first minute. */
    static Duration rampUp(Duration duration) {
        Duration tenth = duration.dividedBy(10);
        Duration ceiling = Duration.ofSeconds(30);
        return tenth.compareTo(ceiling) > 0 ? ceiling : tenth;
    }

    /** A profile every fifth of the run, within 30 s … 5 min: enough captures to diff even in a short demo. */
    static Duration profileEvery(Duration duration) {
        Duration fifth = duration.dividedBy(5);
        Duration floor = Duration.ofSeconds(30);
        Duration ceiling = Duration.ofMinutes(5);
        return fifth.compareTo(floor) < 0 ? floor : fifth.compareTo(ceiling) > 0 ? ceiling : fifth;
    }

    private static String baseUrl(String text) throws BadInputException {
        try {
            URI uri = URI.create(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getPort() > 0) {
                return text.replaceFirst("/+$", "");
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new BadInputException("TARGET_URL must be an http(s) URL with host and port, e.g. http://127.0.0.1:9090, was '"
                + text + "'");
    }

    /** The checkout this class was loaded from: {@code <home>/simulations/target/soak.jar} or {@code …/classes}. */
    private static Path jarHome() {
        try {
            Path location = Path.of(SoakCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the leakhunt checkout from " + SoakCommand.class, e);
        }
    }

    /** A picocli converter from a parse function whose IllegalArgumentException message is the one-line error. */
    /** An option's value parsed by a function whose IllegalArgumentException names the valid values. */
    public abstract static class ParsingConverter<T> implements ITypeConverter<T> {
        private final Function<String, T> parse;

        protected ParsingConverter(Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public T convert(String value) {
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class LeakConverter extends ParsingConverter<Leak> {
        LeakConverter() {
            super(Leak::parse);
        }
    }

    static final class DurationConverter extends ParsingConverter<Duration> {
        DurationConverter() {
            super(DurationText::parse);
        }
    }

    static final class StopOnLeakConverter extends ParsingConverter<StopOnLeak> {
        StopOnLeakConverter() {
            super(StopOnLeak::parse);
        }
    }

    static final class SizeConverter extends ParsingConverter<Long> {
        SizeConverter() {
            super(ByteSize::parse);
        }
    }

    static final class WavesConverter extends ParsingConverter<LoadWaves> {
        WavesConverter() {
            super(WavesConverter::parse);
        }

        private static LoadWaves parse(String value) {
            String[] parts = value.split("/");
            try {
                if (parts.length == 2) {
                    LoadWaves waves = new LoadWaves(DurationText.parse(parts[0]), DurationText.parse(parts[1]));
                    if (waves.enabled()) {
                        return waves;
                    }
                }
            } catch (IllegalArgumentException e) {
                // reported below with the expected form
            }
            throw new IllegalArgumentException("malformed waves '" + value + "': use <on>/<off>, e.g. 60s/30s");
        }
    }
}
