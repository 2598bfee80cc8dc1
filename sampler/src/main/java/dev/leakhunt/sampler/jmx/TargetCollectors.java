package dev.leakhunt.sampler.jmx;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.util.List;
import java.util.Optional;

/**
 * The target's garbage collectors, and what they mean for the live-heap reading. On G1 the heap used after a
 * collection is not only live data: regions more than {@code G1MixedGCLiveThresholdPercent} live are never
 * collected by the mixed collections that follow a marking cycle, and those stop once what they could reclaim is
 * below {@code G1HeapWastePercent} of the heap; that garbage stays until the next cycle. A reader of
 * {@code heap_live_bytes} needs both (formats.md, {@code target_jvm}; the report's header shows them).
 *
 * @param names the collector beans' names, e.g. {@code G1 Young Generation}
 * @param g1    the two G1 flags; empty on another collector
 */
public record TargetCollectors(List<String> names, Optional<G1Flags> g1) {

    static final String G1_YOUNG = "G1 Young Generation";
    /** G1's default; an experimental flag, readable only when unlocked, hence at its default when it is not. */
    static final int DEFAULT_MIXED_GC_LIVE_THRESHOLD_PERCENT = 85;

    /** {@code G1HeapWastePercent} and {@code G1MixedGCLiveThresholdPercent}. */
    public record G1Flags(int heapWastePercent, int mixedGcLiveThresholdPercent) {
    }

    public static TargetCollectors of(TargetJvm jvm) throws IOException {
        List<String> names = jvm.platformBeans(GarbageCollectorMXBean.class).stream()
                .map(GarbageCollectorMXBean::getName).toList();
        if (!names.contains(G1_YOUNG)) {
            return new TargetCollectors(names, Optional.empty());
        }
        HotSpotDiagnosticMXBean flags = jvm.platformBean(HotSpotDiagnosticMXBean.class);
        int waste = Integer.parseInt(flags.getVMOption("G1HeapWastePercent").getValue());
        int liveThreshold;
        try {
            liveThreshold = Integer.parseInt(flags.getVMOption("G1MixedGCLiveThresholdPercent").getValue());
        } catch (IllegalArgumentException locked) {
            liveThreshold = DEFAULT_MIXED_GC_LIVE_THRESHOLD_PERCENT;
        }
        return new TargetCollectors(names, Optional.of(new G1Flags(waste, liveThreshold)));
    }
}
