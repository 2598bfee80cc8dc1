package dev.leakhunt.sampler;

import dev.leakhunt.sampler.out.CsvWriter;
import dev.leakhunt.sampler.out.EventLog;
import dev.leakhunt.sampler.proc.OomKillCounter;
import dev.leakhunt.sampler.proc.ProcFs;
import dev.leakhunt.sampler.proc.ProcSource;
import dev.leakhunt.sampler.proc.SelfSource;
import dev.leakhunt.sampler.proc.TargetProcess;
import dev.leakhunt.sampler.prom.ScrapeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Watches one target process from the side: every interval one row of {@code samples.csv} from all sources,
 * every profile period one profile folder, each on its own scheduler thread so that a slow capture never delays
 * a row. Ends when the target dies (after a {@code target_exit} event) or when {@link #requestStop} is called;
 * {@link #close()} lets the row in progress finish, then flushes and releases everything.
 */
public final class Sampler implements AutoCloseable {
    private static final long CLOSE_WAIT_SECONDS = 60;

    private final SamplerConfig config;
    private final ProcFs proc = ProcFs.system();
    private final TargetProcess target;
    private final Optional<OomKillCounter> oomKills;
    private final EventLog eventLog;
    private final Warnings warnings;
    private final CsvWriter csv;
    private final List<Source> processSources = new ArrayList<>();
    private final ScheduledExecutorService rows = Executors.newSingleThreadScheduledExecutor(named("sampler-rows"));
    private final ScheduledExecutorService profiles = Executors.newSingleThreadScheduledExecutor(named("sampler-profiles"));
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private final boolean attachable;
    private volatile JvmSession jvm;

    private Sampler(SamplerConfig config) throws IOException {
        this.config = config;
        this.target = TargetProcess.of(proc, config.pid());
        Files.createDirectories(config.runDir());
        this.eventLog = new EventLog(config.runDir().resolve("events.jsonl"));
        this.warnings = new Warnings(eventLog);
        this.csv = CsvWriter.openOrAppend(config.runDir().resolve("samples.csv"));
        this.oomKills = OomKillCounter.locate(proc, config.pid());
        this.attachable = target.isJvm();
        if (!attachable) {
            warnings.failed("attach", System.currentTimeMillis(),
                    new IOException("pid " + config.pid() + " is not a HotSpot JVM: only /proc figures are sampled"));
        }
        processSources.add(new ProcSource(proc, config.pid()));
        config.metricsUrl().ifPresent(url -> processSources.add(new ScrapeSource(url, config.metricNames())));
        processSources.add(new SelfSource(proc));
    }

    public static Sampler start(SamplerConfig config) throws IOException {
        Sampler sampler = new Sampler(config);
        sampler.eventLog.write(System.currentTimeMillis(), "sampler_start", e -> e
                .put("pid", config.pid())
                .put("interval_ms", config.interval().toMillis())
                .put("profile_every_ms", config.profileEvery().toMillis()));
        long intervalMs = config.interval().toMillis();
        sampler.rows.scheduleAtFixedRate(sampler::row, 0, intervalMs, TimeUnit.MILLISECONDS);
        // the first profile is a baseline taken early; later ones diff against it
        sampler.profiles.scheduleAtFixedRate(sampler::profile, 2 * intervalMs, config.profileEvery().toMillis(),
                TimeUnit.MILLISECONDS);
        return sampler;
    }

    /** Blocks until the target has died or a stop was requested; returns why. */
    public String awaitEnd() throws InterruptedException {
        try {
            return ended.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public void requestStop(String reason) {
        ended.complete(reason);
    }

    private void row() {
        long tsMs = System.currentTimeMillis();
        try {
            if (ended.isDone()) {
                return;
            }
            Optional<TargetProcess.Exit> exit = target.exit();
            if (exit.isPresent()) {
                targetExited(tsMs, exit.get());
                return;
            }
            Sample sample = new Sample(tsMs);
            JvmSession session = attachedJvm(tsMs);
            if (session != null) {
                session.sources().forEach(source -> sampleFrom(source, sample));
            }
            processSources.forEach(source -> sampleFrom(source, sample));
            csv.write(sample);
        } catch (IOException | RuntimeException e) {
            // an uncaught exception would cancel the periodic task: report and keep the schedule
            warnings.failed("sampler", tsMs, e);
        }
    }

    private void sampleFrom(Source source, Sample sample) {
        try {
            source.sampleInto(sample);
            warnings.succeeded(source.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            warnings.failed(source.name(), sample.tsMs(), e);
        }
    }

    /** The JVM session, attaching on first use and retrying every interval while attaching fails. */
    private JvmSession attachedJvm(long tsMs) {
        if (jvm == null && attachable) {
            try {
                jvm = JvmSession.open(config, proc, eventLog, warnings);
                warnings.succeeded("attach");
            } catch (IOException | RuntimeException e) {
                warnings.failed("attach", tsMs, e);
            }
        }
        return jvm;
    }

    private void profile() {
        JvmSession session = jvm;
        if (session == null || ended.isDone() || target.exit().isPresent()) {
            return;
        }
        long tsMs = System.currentTimeMillis();
        try {
            session.profileCapture().capture(tsMs);
        } catch (IOException | RuntimeException e) {
            warnings.failed("profile", tsMs, e);
        }
    }

    private void targetExited(long tsMs, TargetProcess.Exit exit) {
        eventLog.write(tsMs, "target_exit", e -> {
            e.put("pid", target.pid());
            exit.exitCode().ifPresent(code -> e.put("exit_code", code));
            exit.signal().ifPresent(signal -> e.put("signal", signal));
            oomKills.flatMap(OomKillCounter::killedSinceStart).ifPresent(killed -> e.put("oom_kill", killed));
        });
        requestStop("target_exit");
    }

    /** Lets the row and the capture in progress finish, then writes {@code sampler_stop} and releases all. */
    @Override
    public void close() throws IOException, InterruptedException {
        String reason = ended.getNow("closed");
        ended.complete(reason);
        rows.shutdown();
        profiles.shutdown();
        rows.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        profiles.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        if (jvm != null) {
            jvm.close();
        }
        processSources.forEach(Source::close);
        csv.close();
        eventLog.write(System.currentTimeMillis(), "sampler_stop", e -> e.put("reason", reason));
        eventLog.close();
    }

    private static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
