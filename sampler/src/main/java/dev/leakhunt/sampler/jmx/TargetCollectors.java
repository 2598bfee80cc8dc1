package dev.leakhunt.sampler.jmx;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.util.List;
import java.util.OptionalInt;

/**
 * The target's garbage collectors, and what they mean for the live-heap reading. On G1 the heap used after a
 * collection is not only live data: the mixed collections that follow a marking cycle stop once what they could
 * reclaim is below {@code G1HeapWastePercent} of the heap (5 % by default), and that garbage stays until the next
 * cycle. So {@code heap_live_bytes} cannot tell a rise smaller than that from garbage G1 chose to leave, and the
 * verdict needs to know it (formats.md, {@code target_jvm}).
 *
 * @param names                the collector beans' names, e.g. {@code G1 Young Generation}
 * @param g1HeapWastePercent   G1's {@code G1HeapWastePercent}; empty on another collector
 */
public record TargetCollectors(List<String> names, OptionalInt g1HeapWastePercent) {

    private static final String G1_YOUNG = "G1 Young Generation";

    public static TargetCollectors of(TargetJvm jvm) throws IOException {
        List<String> names = jvm.platformBeans(GarbageCollectorMXBean.class).stream()
                .map(GarbageCollectorMXBean::getName).toList();
        if (!names.contains(G1_YOUNG)) {
            return new TargetCollectors(names, OptionalInt.empty());
        }
        String waste = jvm.platformBean(HotSpotDiagnosticMXBean.class).getVMOption("G1HeapWastePercent").getValue();
        return new TargetCollectors(names, OptionalInt.of(Integer.parseInt(waste)));
    }
}
