package dev.leakhunt.target.leaks;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a heartbeat line while a call is in flight, so a stuck downstream shows in the log before it times out.
 * Planted leak {@code ticker}: per request one scheduler thread and one periodic task that never stop.
 */
public final class CallHeartbeat implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallHeartbeat.class);
    /** Between two heartbeat lines, divided by the run's acceleration. */
    static final Duration PERIOD = Duration.ofSeconds(2);
    /** Room for the beats of a call that hangs two minutes, sized up front so that a beat does not reallocate. */
    private static final int BEATS_CAPACITY = 4096;

    private final boolean planted;
    private final long periodMs;
    private final AtomicLong schedulers = new AtomicLong();
    /** The service's one heartbeat scheduler; a cancelled heartbeat leaves its queue at once. */
    private final ScheduledThreadPoolExecutor shared = newScheduler("call-heartbeat");

    public CallHeartbeat(boolean planted, double accel) {
        this.planted = planted;
        this.periodMs = Math.max(1, (long) (PERIOD.toMillis() / accel));
        shared.setRemoveOnCancelPolicy(true);
    }

    public <T> T during(String call, Callable<T> body) throws Exception {
        AtomicBoolean inFlight = new AtomicBoolean(true);
        long startNs = System.nanoTime();
        // every beat of the call, so that a call that fails logs how long it hung, not only that it did
        StringBuilder beats = new StringBuilder(BEATS_CAPACITY);
        Runnable beat = () -> {
            if (inFlight.get()) {
                String line = call + " still in flight after "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs) + " ms";
                synchronized (beats) {
                    beats.append(line).append('\n');
                }
                LOG.info(line);
            }
        };
        Runnable stop;
        if (planted) {
            // LEAK(ticker): a scheduler of its own for every call, which nothing shuts down, and stopping only
            // silences the beat: the scheduler thread and the periodic task (waking every period), holding the
            // call's beats, live forever
            newScheduler("call-heartbeat-" + schedulers.incrementAndGet())
                    .scheduleAtFixedRate(beat, periodMs, periodMs, TimeUnit.MILLISECONDS);
            stop = () -> inFlight.set(false);
        } else {
            // fixed twin: the service's one scheduler, and the call's periodic task is cancelled when the call ends
            ScheduledFuture<?> heartbeat = shared.scheduleAtFixedRate(beat, periodMs, periodMs, TimeUnit.MILLISECONDS);
            stop = () -> heartbeat.cancel(false);
        }
        try {
            return body.call();
        } catch (Exception | Error failure) {
            synchronized (beats) {
                if (!beats.isEmpty()) {
                    LOG.warn("{} failed after these heartbeats:\n{}", call, beats);
                }
            }
            throw failure;
        } finally {
            stop.run();
        }
    }

    private static ScheduledThreadPoolExecutor newScheduler(String threadName) {
        return new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name(threadName).daemon(true).factory());
    }

    @Override
    public void close() {
        shared.shutdownNow();
    }
}
