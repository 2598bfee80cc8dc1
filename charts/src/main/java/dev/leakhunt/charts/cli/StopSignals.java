package dev.leakhunt.charts.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT as a request to stop, for a command that ends cleanly with exit 0: a signal handler rather
 * than a shutdown hook, because a JVM running its hooks after a signal exits with 143 (130) whatever they do.
 * {@link #close} puts the previous handlers back.
 */
final class StopSignals implements AutoCloseable {

    private static final String[] NAMES = {"TERM", "INT"};

    private final CountDownLatch requested = new CountDownLatch(1);
    private final SignalHandler[] previous = new SignalHandler[NAMES.length];

    StopSignals() {
        for (int i = 0; i < NAMES.length; i++) {
            previous[i] = Signal.handle(new Signal(NAMES[i]), signal -> requested.countDown());
        }
    }

    /** Waits up to {@code ms}; true when a stop was requested before or during the wait. */
    boolean awaitStop(long ms) throws InterruptedException {
        return requested.await(ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        for (int i = 0; i < NAMES.length; i++) {
            Signal.handle(new Signal(NAMES[i]), previous[i]);
        }
    }
}
