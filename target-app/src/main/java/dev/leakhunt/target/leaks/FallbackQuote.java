package dev.leakhunt.target.leaks;

import dev.leakhunt.target.quotes.QuoteHead;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a local estimate on a pool thread while the downstream call is in flight, so a failed call costs no
 * extra latency. Planted leak {@code thread}: per request one pool thread parked forever (the pool grows by one).
 */
public final class FallbackQuote implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackQuote.class);

    /** The downstream call the estimate stands in for. */
    @FunctionalInterface
    public interface DownstreamCall {
        QuoteHead call() throws IOException, InterruptedException;
    }

    private final boolean planted;
    /** Grows while estimates are in flight; idle threads end after a minute. */
    private final ExecutorService estimators =
            Executors.newCachedThreadPool(Thread.ofPlatform().name("quote-estimator-", 1).daemon(true).factory());

    public FallbackQuote(boolean planted) {
        this.planted = planted;
    }

    public QuoteHead orEstimate(long id, DownstreamCall downstream) throws InterruptedException {
        BlockingQueue<QuoteHead> handoff = planted
                // LEAK(thread): an unbuffered handoff: when the downstream answers nobody takes the estimate,
                // and the estimator parks in put() forever (nothing signals or interrupts it)
                ? new SynchronousQueue<>()
                // fixed twin: room for the one estimate, so put() never waits and the thread goes back to the pool
                : new ArrayBlockingQueue<>(1);
        estimators.execute(() -> estimate(id, handoff));
        try {
            return downstream.call();
        } catch (IOException e) {
            LOG.warn("downstream failed for quote {} ({}), answering with the estimate", id, e.toString());
            return handoff.take();
        }
    }

    private static void estimate(long id, BlockingQueue<QuoteHead> handoff) {
        try {
            handoff.put(QuoteHead.model(id, QuoteHead.ESTIMATE));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Interrupts the estimators, parked ones included. */
    @Override
    public void close() {
        estimators.shutdownNow();
    }
}
