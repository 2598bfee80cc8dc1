package dev.leakhunt.sampler;

import dev.leakhunt.sampler.jfr.FdHeadroom;
import dev.leakhunt.sampler.jmx.TargetCollectors;
import dev.leakhunt.sampler.out.CsvWriter;
import dev.leakhunt.sampler.out.EventLog;
import dev.leakhunt.sampler.profile.ProfileCapture.Trigger;
import dev.leakhunt.sampler.proc.OomKillCounter;
import dev.leakhunt.sampler.proc.ProcFs;
import dev.leakhunt.sampler.proc.ProcSource;
import dev.leakhunt.sampler.proc.SelfSource;
import dev.leakhunt.sampler.proc.TargetProcess;
import dev.leakhunt.sampler.prom.ScrapeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Watches one target process from the side: every interval one row of {@code samples.csv} from all sources,
 * every profile period one profile folder, each on its own scheduler thread so that a slow capture never delays
 * a row, and a row's JVM reads get at most one interval ({@link JvmReads}) so that a target too busy to answer
 * JMX still gets its /proc figures. Attaching to the JVM also happens on the profile thread (retried every
 * interval until it succeeds): until then rows carry the /proc figures, and the first profile follows one
 * interval after attaching. Ends when the target dies (after a {@code target_exit} event) or when {@link #requestStop} is called;
 * {@link #close()} lets the row in progress finish, takes a final capture when the target still lives (a run
 * stopped early would otherwise end without a heap walk to diff against), then flushes and releases everything.
 */
public final class Sampler implements AutoCloseable {
    private static final long CLOSE_WAIT_SECONDS = 60;
    /**
     * The final capture (a heap walk, a JFR dump with GC-root paths) takes a few seconds; beyond this it is
     * interrupted and its folder stays without {@code done}, so that a stop is never held up for long.
     * The soak supervisor allows 45 s between SIGTERM and SIGKILL.
     */
    static final Duration FINAL_CAPTURE_LIMIT = Duration.ofSeconds(20);

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
    private final JvmReads jvmReads;
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private final boolean attachable;
    private volatile JvmSession jvm;
    private final FdHeadroom fdHeadroom = new FdHeadroom();
    private boolean jfrStopped;

    private Sampler(SamplerConfig config) throws IOException {
        this.config = config;
        this.target = TargetProcess.of(proc, config.pid());
        Files.createDirectories(config.runDir());
        this.eventLog = new EventLog(config.runDir().resolve("events.jsonl"));
        this.warnings = new Warnings(eventLog);
        this.jvmReads = new JvmReads(warnings);
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
                .put("profile_every_ms", config.profileEvery().toMillis())
                .put("mark_every_ms", config.markEvery().toMillis()));
        sampler.rows.scheduleAtFixedRate(sampler::row, 0, config.interval().toMillis(), TimeUnit.MILLISECONDS);
        if (sampler.attachable) {
            sampler.profiles.execute(sampler::attach);
        }
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
            JvmSession session = jvm;
            if (session != null) {
                jvmReads.readInto(sample, session.sources(), config.interval(), this::sampleFrom);
            }
            processSources.forEach(source -> sampleFrom(source, sample));
            csv.write(sample);
            if (session != null && !jfrStopped) {
                fdHeadroom.exhausted(sample).ifPresent(reason -> stopJfr(session, tsMs, reason));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // an uncaught exception would cancel the periodic task: report and keep the schedule
            warnings.failed("sampler", tsMs, e);
        }
    }

    /**
     * On the profile thread, after a capture in progress: one more capture, whose heap.jfr is the recording's last
     * word (the code that took the fds so far), then the stop.
     */
    private void stopJfr(JvmSession session, long tsMs, String reason) {
        jfrStopped = true;
        profiles.execute(() -> {
            capture(Trigger.SCHEDULED);
            session.stopJfr();
            eventLog.write(System.currentTimeMillis(), "jfr_stopped", e -> e.put("reason", reason)
                    .put("decided_ms", tsMs));
        });
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

    /** Opens the JVM session, or tries again one interval later; once open, starts the profile schedule. */
    private void attach() {
        long intervalMs = config.interval().toMillis();
        if (ended.isDone()) {
            return;
        }
        try {
            jvm = JvmSession.open(config, proc, eventLog, warnings);
            warnings.succeeded("attach");
            TargetCollectors collectors = jvm.collectors();
            eventLog.write(System.currentTimeMillis(), "target_jvm", e -> {
                var names = e.putArray("collectors");
                collectors.names().forEach(names::add);
                collectors.g1().ifPresent(g1 -> e.put("g1_heap_waste_percent", g1.heapWastePercent())
                        .put("g1_mixed_gc_live_threshold_percent", g1.mixedGcLiveThresholdPercent()));
            });
            // the first profile is a baseline taken early; later ones diff against it
            profiles.scheduleAtFixedRate(this::profile, intervalMs, config.profileEvery().toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException e) {
            warnings.failed("attach", System.currentTimeMillis(), e);
            profiles.schedule(this::attach, intervalMs, TimeUnit.MILLISECONDS);
        }
    }

    private void profile() {
        if (!ended.isDone()) {
            capture(Trigger.SCHEDULED);
        }
    }

    private void capture(Trigger trigger) {
        JvmSession session = jvm;
        if (session == null || target.exit().isPresent()) {
            return;
        }
        long tsMs = System.currentTimeMillis();
        try {
            session.profileCapture().capture(tsMs, trigger);
        } catch (IOException | RuntimeException e) {
            warnings.failed("profile", tsMs, e);
        }
    }

    /**
     * Runs the final capture on the profile thread, after a scheduled one in progress, and waits for it at most
     * {@link #FINAL_CAPTURE_LIMIT}; the caller's {@code shutdownNow} then interrupts what is still running.
     */
    private void finalCapture() throws InterruptedException {
        try {
            profiles.submit(() -> capture(Trigger.FINAL))
                    .get(FINAL_CAPTURE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            warnings.failed("profile", System.currentTimeMillis(),
                    new IOException("the final capture took over " + FINAL_CAPTURE_LIMIT.toSeconds()
                            + " s: interrupted"));
        } catch (ExecutionException e) {
            warnings.failed("profile", System.currentTimeMillis(), e);
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

    /**
     * Lets the row in progress finish; when stopped while the target lives, takes the final capture (bounded by
     * {@link #FINAL_CAPTURE_LIMIT}, unless disabled); interrupts a capture still in progress (its folder stays
     * without {@code done}), then writes {@code sampler_stop} and releases all.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        String reason = ended.getNow("closed");
        ended.complete(reason);
        rows.shutdown();
        if (config.finalCapture() && jvm != null && target.exit().isEmpty()) {
            finalCapture();
        }
        profiles.shutdownNow();
        rows.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        profiles.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        jvmReads.close();
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
