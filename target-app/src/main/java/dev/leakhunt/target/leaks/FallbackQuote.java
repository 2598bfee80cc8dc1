package dev.leakhunt.target.leaks;

import dev.leakhunt.target.quotes.QuoteHead;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a local estimate while the downstream call is in flight, so a failed call costs no extra latency.
 * Planted leak {@code thread}: per request one platform thread parked forever.
 */
public final class FallbackQuote {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackQuote.class);

    /** The downstream call the estimate stands in for. */
    @FunctionalInterface
    public interface DownstreamCall {
        QuoteHead call() throws IOException, InterruptedException;
    }

    private final boolean planted;
    private final AtomicLong started = new AtomicLong();

    public FallbackQuote(boolean planted) {
        this.planted = planted;
    }

    public QuoteHead orEstimate(long id, DownstreamCall downstream) throws InterruptedException {
        BlockingQueue<QuoteHead> handoff = planted
                // LEAK(thread): an unbuffered handoff: when the downstream answers nobody takes the estimate,
                // and the estimator parks in put() forever (nothing signals or interrupts it)
                ? new SynchronousQueue<>()
                // fixed twin: room for the one estimate, so put() never waits for a taker
                : new ArrayBlockingQueue<>(1);
        Thread.ofPlatform()
                .name("quote-estimator-" + started.incrementAndGet())
                .daemon(true)
                .start(() -> estimate(id, handoff));
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
}
