package dev.leakhunt.target.leaks;

import java.time.Duration;
import java.util.concurrent.Callable;
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
public final class CallHeartbeat {
    private static final Logger LOG = LoggerFactory.getLogger(CallHeartbeat.class);
    /** Between two heartbeat lines, divided by the run's acceleration. */
    static final Duration PERIOD = Duration.ofSeconds(2);

    private final boolean planted;
    private final long periodMs;
    private final AtomicLong started = new AtomicLong();

    public CallHeartbeat(boolean planted, double accel) {
        this.planted = planted;
        this.periodMs = Math.max(1, (long) (PERIOD.toMillis() / accel));
    }

    public <T> T during(String call, Callable<T> body) throws Exception {
        String threadName = "call-heartbeat-" + started.incrementAndGet();
        ScheduledThreadPoolExecutor ticker = new ScheduledThreadPoolExecutor(1,
                task -> Thread.ofPlatform().name(threadName).daemon(true).unstarted(task));
        AtomicBoolean inFlight = new AtomicBoolean(true);
        long startNs = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            if (inFlight.get()) {
                LOG.info("{} still in flight after {} ms", call, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs));
            }
        }, periodMs, periodMs, TimeUnit.MILLISECONDS);
        try {
            return body.call();
        } finally {
            inFlight.set(false);
            // LEAK(ticker): the heartbeat is only silenced; its scheduler is never shut down, so the thread and
            // the periodic task (waking every period) live forever
            if (!planted) {
                ticker.shutdownNow(); // fixed twin: cancels the periodic task and ends the scheduler thread
            }
        }
    }
}
