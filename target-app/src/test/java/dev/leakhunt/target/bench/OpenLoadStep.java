package dev.leakhunt.target.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One step of an open-model load: requests start at a constant arrival rate whatever the service's latency,
 * and each latency is measured from the request's scheduled start, so a stalled service is charged for the
 * queue it causes (no coordinated omission).
 */
final class OpenLoadStep {
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    /** What one step measured. */
    record Result(int ratePerSecond, int scheduled, int completed, int failed, double p50Ms, double p99Ms) {
        boolean holds(double p99LimitMs, double maxFailedFraction) {
            return completed > 0 && p99Ms < p99LimitMs && failed <= maxFailedFraction * scheduled;
        }
    }

    private OpenLoadStep() {
    }

    static Result run(HttpClient http, RequestMix mix, int ratePerSecond, Duration duration) throws InterruptedException {
        int scheduled = (int) (ratePerSecond * duration.toMillis() / 1000);
        long[] latencyNs = new long[scheduled];
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(scheduled);
        long intervalNs = 1_000_000_000L / ratePerSecond;
        long startNs = System.nanoTime();
        for (int i = 0; i < scheduled; i++) {
            long dueNs = startNs + i * intervalNs;
            long waitNs = dueNs - System.nanoTime();
            if (waitNs > 0) {
                LockSupport.parkNanos(waitNs);
            }
            http.sendAsync(mix.next(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() < 400) {
                    latencyNs[completed.getAndIncrement()] = System.nanoTime() - dueNs;
                } else {
                    failed.incrementAndGet();
                }
                done.countDown();
            });
        }
        boolean drained = done.await(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        int ok = completed.get();
        long[] sorted = Arrays.copyOf(latencyNs, ok);
        Arrays.sort(sorted);
        int lost = drained ? 0 : (int) done.getCount();
        return new Result(ratePerSecond, scheduled, ok, failed.get() + lost, percentileMs(sorted, 0.50),
                percentileMs(sorted, 0.99));
    }

    /** Nearest-rank percentile; NaN when nothing completed. */
    private static double percentileMs(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
