package dev.leakhunt.sampler.jfr;

import dev.leakhunt.sampler.Column;
import dev.leakhunt.sampler.Sample;
import dev.leakhunt.sampler.Source;
import dev.leakhunt.sampler.jmx.LastGcHeap;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.consumer.RecordedEvent;

/**
 * {@code heap_live_bytes}: the lowest heap used right after a GC among the GCs whose events arrived in the
 * interval, from the target's JFR {@code jdk.GCHeapSummary} events ("After GC"). This is the lower envelope of
 * the sawtooth; {@code getCollectionUsage()} cannot serve on G1, where the old generation's figure moves only at
 * concurrent cycles and full GCs.
 *
 * <p>JFR rather than JMX GC notifications: a remote notification listener makes the target's JMX server keep the
 * last 1,000 notifications for the client ({@code ArrayNotificationBuffer}), ≈ 7 MiB of its heap that fills over
 * hours — a clean hour of the lab service read it as +3.5 MiB of live heap. The event stream costs the target no
 * heap. Its events arrive about a second late, and none once the stream has ended (the sampler stops it when the
 * target runs out of fds, {@link FdHeadroom}); from then on each row reads the collectors' latest collections over
 * JMX instead ({@link LastGcHeap}).
 */
public final class HeapLiveSource implements Source {
    public static final String EVENT = "jdk.GCHeapSummary";
    private static final String AFTER_GC = "After GC";
    private static final long NONE = Long.MAX_VALUE;

    private final AtomicLong lowestAfterGcBytes = new AtomicLong(NONE);
    private final TargetEventStream events;
    private final LastGcHeap afterStreamEnds;
    private long gcsEnded;

    public HeapLiveSource(TargetEventStream events, LastGcHeap afterStreamEnds) {
        this.events = events;
        this.afterStreamEnds = afterStreamEnds;
        events.subscribe(EVENT, this::onHeapSummary);
    }

    private void onHeapSummary(RecordedEvent summary) {
        if (!AFTER_GC.equals(summary.getString("when"))) {
            return;
        }
        lowestAfterGcBytes.accumulateAndGet(summary.getLong("heapUsed"), Math::min);
        synchronized (this) {
            gcsEnded++;
            notifyAll();
        }
    }

    /**
     * Waits until the next GC's event arrives, at most {@code timeout}; true if one did. A heap walk started right
     * after a GC has the least to walk: the young generation has just been emptied.
     */
    public synchronized boolean awaitNextGcEnd(Duration timeout) throws InterruptedException {
        long seen = gcsEnded;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (gcsEnded == seen) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                return false;
            }
            wait(leftMs);
        }
        return true;
    }

    @Override
    public String name() {
        return "jfr-gc-heap";
    }

    @Override
    public void sampleInto(Sample sample) {
        long lowest = lowestAfterGcBytes.getAndSet(NONE);
        if (!events.running()) {
            lowest = Math.min(lowest, afterStreamEnds.sinceLastRead().orElse(NONE));
        }
        if (lowest != NONE) {
            sample.set(Column.HEAP_LIVE_BYTES, lowest);
        }
    }
}
