package dev.leakhunt.sampler;

import dev.leakhunt.sampler.prom.ScrapeSource.MetricNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import sun.misc.Signal;

/** {@code java -jar sampler.jar --pid=N --out=<run folder> …}: the sampler's command line. */
@Command(name = "sampler", mixinStandardHelpOptions = true,
        description = "Samples a local JVM from the side into <out>/samples.csv, events.jsonl and profiles/.")
public final class SamplerCommand implements Callable<Integer> {
    static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    /** Remote JMX calls have no deadline by default; a hung target must not hang the sampler. */
    private static final String RMI_RESPONSE_TIMEOUT_MS = "30000";

    @Option(names = "--pid", required = true, description = "process id of the target JVM")
    long pid;

    @Option(names = "--out", required = true, description = "run folder to write into (created if missing)")
    Path out;

    @Option(names = "--interval", defaultValue = "5s", converter = DurationConverter.class,
            description = "time between rows (default ${DEFAULT-VALUE})")
    Duration interval;

    @Option(names = "--profile-every", defaultValue = "5m", converter = DurationConverter.class,
            description = "time between profile captures (default ${DEFAULT-VALUE})")
    Duration profileEvery;

    @Option(names = "--metrics-url", description = "the service's Prometheus endpoint, e.g. http://127.0.0.1:8081/metrics")
    URI metricsUrl;

    @Option(names = "--latency-histogram", defaultValue = "http_server_request_duration_seconds",
            description = "request latency histogram (seconds) at --metrics-url (default ${DEFAULT-VALUE})")
    String latencyHistogram;

    @Option(names = "--cache-size-metric", defaultValue = "cache_size",
            description = "cache size gauge at --metrics-url (default ${DEFAULT-VALUE})")
    String cacheSizeMetric;

    @Option(names = "--cache-evictions-metric", defaultValue = "cache_evictions_total",
            description = "cache eviction counter sample at --metrics-url (default ${DEFAULT-VALUE})")
    String cacheEvictionsMetric;

    @Option(names = "--keep-profiles", defaultValue = "48",
            description = "profile folders kept, spread over the run, first and latest always (default ${DEFAULT-VALUE})")
    int keepProfiles;

    @Option(names = "--jfr-settings", defaultValue = "src/config/leakhunt.jfc",
            description = "JFR settings for the heap-evidence recording when the target runs none "
                    + "(default ${DEFAULT-VALUE}; built-in settings when the file is missing)")
    Path jfrSettings;

    @Option(names = "--histogram-full-gc", description = "let the class histogram force a full GC (exact live counts, long pause)")
    boolean histogramWithFullGc;

    @Option(names = "--heap-walk-every", defaultValue = "6",
            description = "walk the heap (class histogram, paths to GC roots in heap.jfr) in the first capture and "
                    + "every N-th after it; 1 = every capture (default ${DEFAULT-VALUE}: every 30 min at the default cadence)")
    int heapWalkEvery;

    @Option(names = "--warmup", defaultValue = "0", converter = DurationOrNever.class,
            description = "the target's warm-up: the first capture after it walks the heap, the baseline of leak diffs; "
                    + "counted from the load_start event in a soak's run folder, else from the sampler's start; "
                    + "0 = none (default ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(names = "--final-capture", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "on SIGTERM/SIGINT while the target lives, take a last capture with a heap walk "
                    + "(at most 20 s) before exiting; --no-final-capture stops at once (default: on)")
    boolean finalCapture;

    @Option(names = "--mark-every", defaultValue = "1m", converter = DurationOrNever.class,
            description = "start a G1 concurrent marking cycle in the target this often, so that the heap after GC "
                    + "is the live heap and not the garbage the old generation has kept since its last marking; "
                    + "0 = never (default ${DEFAULT-VALUE})")
    Duration markEvery;

    @Option(names = "--jfr-repository",
            description = "move the target's JFR disk repository into this folder, so that a target killed without "
                    + "exiting leaves its last chunks there (not when it was started with a repository of its own)")
    Path jfrRepository;

    @Override
    public Integer call() throws IOException, InterruptedException {
        SamplerConfig config = validatedConfig();
        System.setProperty("sun.rmi.transport.tcp.responseTimeout", RMI_RESPONSE_TIMEOUT_MS);
        Sampler sampler;
        try {
            sampler = Sampler.start(config);
        } catch (IOException e) {
            System.err.println("sampler: " + e.getMessage());
            return 1;
        }
        // a signal handler, not a shutdown hook: a hook runs while the JVM exits with 143, and the row in progress
        // must finish before the files are closed, then the sampler exits 0 like any clean end
        Signal.handle(new Signal("TERM"), signal -> sampler.requestStop("SIGTERM"));
        Signal.handle(new Signal("INT"), signal -> sampler.requestStop("SIGINT"));
        String reason = sampler.awaitEnd();
        sampler.close();
        System.err.println("sampler: stopped (" + reason + ")");
        return 0;
    }

    private SamplerConfig validatedConfig() {
        CommandLine cmd = new CommandLine(this);
        if (pid <= 0) {
            throw new ParameterException(cmd, "--pid must be a positive process id, not " + pid);
        }
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new ParameterException(cmd, "--interval must be at least 100ms, not " + interval.toMillis() + "ms");
        }
        if (profileEvery.compareTo(interval) < 0) {
            throw new ParameterException(cmd, "--profile-every must be at least --interval");
        }
        if (keepProfiles < 2) {
            throw new ParameterException(cmd, "--keep-profiles must be 2 or more (the first and the latest are kept)");
        }
        if (heapWalkEvery < 1) {
            throw new ParameterException(cmd, "--heap-walk-every must be 1 (every capture) or more, not " + heapWalkEvery);
        }
        if (!markEvery.isZero() && markEvery.compareTo(MIN_INTERVAL) < 0) {
            throw new ParameterException(cmd, "--mark-every must be 0 (never) or at least 100ms, not " + markEvery.toMillis() + "ms");
        }
        if (metricsUrl != null && !("http".equals(metricsUrl.getScheme()) || "https".equals(metricsUrl.getScheme()))) {
            throw new ParameterException(cmd, "--metrics-url must be an http:// or https:// URL, not " + metricsUrl);
        }
        return new SamplerConfig(pid, out, interval, profileEvery, Optional.ofNullable(metricsUrl),
                new MetricNames(latencyHistogram, cacheSizeMetric, cacheEvictionsMetric), keepProfiles, jfrSettings,
                histogramWithFullGc, heapWalkEvery, warmup, finalCapture, markEvery,
                Optional.ofNullable(jfrRepository));
    }

    /** A duration, or {@code 0} for never. */
    static final class DurationOrNever implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            return "0".equals(text.trim()) ? Duration.ZERO : new DurationConverter().convert(text);
        }
    }

    /** Builds the command line with one-line errors: a bad value prints what is valid and exits 2. */
    static CommandLine commandLine(PrintWriter err) {
        CommandLine cmd = new CommandLine(new SamplerCommand());
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((e, args) -> {
            err.println("sampler: " + e.getMessage());
            err.flush();
            return 2;
        });
        return cmd;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new PrintWriter(System.err, true)).execute(args));
    }
}
