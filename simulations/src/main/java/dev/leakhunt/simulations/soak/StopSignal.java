package dev.leakhunt.simulations.soak;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Set once when the supervisor is asked to stop (SIGINT, SIGTERM). Waits in the supervisor go through
 * {@link #sleep} so a stop request cuts them short; no thread is ever interrupted, so stopping children is never
 * cut short itself.
 */
final class StopSignal {
    private final CountDownLatch requested = new CountDownLatch(1);

    void request() {
        requested.countDown();
    }

    boolean requested() {
        return requested.getCount() == 0;
    }

    /** Sleeps for {@code duration} or until a stop is requested; true when it was. */
    boolean sleep(Duration duration) {
        try {
            return requested.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
