package dev.leakhunt.target.leaks;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aborts the downstream calls still in flight when the service stops, so a stuck downstream cannot hold up the
 * stop: each call gets a watcher, a virtual thread that waits for the stop and then interrupts the request thread
 * if the call has not ended. Planted leak {@code vthread}: per request one virtual thread (≈2.4 KB of heap, no OS
 * thread) parked until the process exits.
 * <p>
 * Virtual threads are invisible to ThreadMXBean, so {@code /debug/threads}, {@code jvm_threads_current} and the
 * kernel's thread count do not move; the JSON thread dump ({@code /debug/threads.json}) lists them. The JDK's
 * {@code jdk.VirtualThreadStart} JFR event is off by default, so no recording names the line that starts them:
 * their stack does. Every parked watcher shows {@code InFlightCalls.watch} (the wait, beside the planted line)
 * and under it {@code InFlightCalls.lambda$track$0}, the line in {@link #track} that starts the watcher.
 */
public final class InFlightCalls implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InFlightCalls.class);

    private final boolean planted;
    /** Completed once, when the service stops. */
    private final CompletableFuture<Void> stopping = new CompletableFuture<>();
    private final ThreadFactory watchers = Thread.ofVirtual().name("call-watcher-", 1).factory();

    public InFlightCalls(boolean planted) {
        this.planted = planted;
    }

    /** Runs {@code call} on this thread, which the stop of the service interrupts while the call runs. */
    public <T> T track(Callable<T> call) throws Exception {
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Thread caller = Thread.currentThread();
        watchers.newThread(() -> watch(caller, ended)).start();
        try {
            return call.call();
        } finally {
            ended.complete(null);
        }
    }

    private void watch(Thread caller, CompletableFuture<Void> ended) {
        CompletableFuture<?> wakeUp = planted
                // LEAK(vthread): waits for the stop only: a call that ends, as nearly all do, leaves its watcher
                // parked on the stop until the process exits, one virtual thread per call that nothing ever wakes
                ? stopping
                // fixed twin: the end of the call wakes the watcher too, and it returns at once
                : CompletableFuture.anyOf(stopping, ended);
        wakeUp.join();
        if (!ended.isDone()) {
            LOG.warn("stopping: aborting a downstream call still in flight on {}", caller.getName());
            caller.interrupt();
        }
    }

    /** Wakes every watcher; those whose call is still in flight interrupt it. */
    @Override
    public void close() {
        stopping.complete(null);
    }
}
