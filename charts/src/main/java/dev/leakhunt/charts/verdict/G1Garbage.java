package dev.leakhunt.charts.verdict;

import dev.leakhunt.charts.run.RunEvent;
import java.util.List;
import java.util.Optional;

/**
 * How much garbage a G1 heap may hold after a marking cycle's mixed collections are done, which the live-heap
 * reading (the heap used after GC) counts as live. G1 leaves two kinds:
 * <ul>
 *   <li>in regions more than {@code G1MixedGCLiveThresholdPercent} (85 %) live, which are never candidates for
 *       a mixed collection: their dead space — dead objects, the filler arrays that close promotion buffers —
 *       is at most 15/85 of the live data in them, so at most that share of the live heap;</li>
 *   <li>in the candidates: the mixed collections stop once what is left to reclaim is under
 *       {@code G1HeapWastePercent} of the heap (5 % by default, 1 % with the lab's flags).</li>
 * </ul>
 * A clean hour of the lab service (512 MiB heap, 1 % waste, 55 MiB live) read +10.6 MiB of live heap: 6.5 MiB of
 * filler arrays, 3.5 MiB of JMX notifications buffered for the sampler (gone since it streams GC events).
 *
 * @param heapWastePercent            the target's {@code G1HeapWastePercent}
 * @param mixedGcLiveThresholdPercent the target's {@code G1MixedGCLiveThresholdPercent}
 */
public record G1Garbage(double heapWastePercent, double mixedGcLiveThresholdPercent) {

    /** G1's default, and its value whenever the sampler cannot read it: the flag is experimental. */
    static final double DEFAULT_LIVE_THRESHOLD_PERCENT = 85;

    /** From the latest {@code target_jvm} event that has {@code g1_heap_waste_percent}; empty when not G1. */
    static Optional<G1Garbage> of(List<RunEvent> events) {
        return events.reversed().stream()
                .filter(e -> RunEvent.TARGET_JVM.equals(e.type()) && e.fields().has("g1_heap_waste_percent"))
                .findFirst()
                .map(e -> new G1Garbage(e.fields().path("g1_heap_waste_percent").asDouble(),
                        e.fields().path("g1_mixed_gc_live_threshold_percent")
                                .asDouble(DEFAULT_LIVE_THRESHOLD_PERCENT)));
    }

    /** The most garbage left after mixed collections on a heap of {@code committedBytes} holding {@code liveBytes}. */
    public double mostBytes(double committedBytes, double liveBytes) {
        double threshold = mixedGcLiveThresholdPercent / 100;
        return heapWastePercent / 100 * committedBytes + (1 - threshold) / threshold * liveBytes;
    }
}
