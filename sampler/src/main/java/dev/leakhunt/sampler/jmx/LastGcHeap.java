package dev.leakhunt.sampler.jmx;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import java.io.IOException;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The heap used right after the target's collections, polled from each collector's {@code LastGcInfo}: the
 * live-heap reading once the JFR stream has ended ({@link dev.leakhunt.sampler.jfr.HeapLiveSource}). Coarser than
 * the stream, which sees every collection: a poll sees only each collector's latest one. Polling asks the target
 * for nothing it must keep, unlike a notification listener.
 *
 * <p>Concurrent collectors' beans ({@code G1 Concurrent GC}) and ZGC's {@code … Pauses} beans are left out: what
 * they report after their phases is the heap in use, young data included, not a low point of the sawtooth.
 */
public final class LastGcHeap {
    private final List<GarbageCollectorMXBean> collectors;
    private final Set<String> heapPools;
    private final Map<String, Long> lastReadGcId = new HashMap<>();

    private LastGcHeap(List<GarbageCollectorMXBean> collectors, Set<String> heapPools) {
        this.collectors = collectors;
        this.heapPools = heapPools;
    }

    public static LastGcHeap of(TargetJvm jvm) throws IOException {
        List<GarbageCollectorMXBean> collectors = jvm.platformBeans(GarbageCollectorMXBean.class).stream()
                .filter(gc -> !gc.getName().contains("Concurrent") && !gc.getName().endsWith(" Pauses"))
                .toList();
        Set<String> heapPools = jvm.platformBeans(MemoryPoolMXBean.class).stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toUnmodifiableSet());
        return new LastGcHeap(collectors, heapPools);
    }

    /**
     * The lowest heap used after a collection among the collectors whose latest collection is new since the last
     * call; empty when none is. The first call counts every collector's latest collection as new.
     */
    public OptionalLong sinceLastRead() {
        long lowest = Long.MAX_VALUE;
        for (GarbageCollectorMXBean collector : collectors) {
            GcInfo last = collector.getLastGcInfo();
            if (last == null) {
                continue;
            }
            Long previousId = lastReadGcId.put(collector.getName(), last.getId());
            if (previousId == null || previousId != last.getId()) {
                lowest = Math.min(lowest, heapUsed(last.getMemoryUsageAfterGc()));
            }
        }
        return lowest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(lowest);
    }

    private long heapUsed(Map<String, MemoryUsage> usageByPool) {
        return usageByPool.entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed())
                .sum();
    }
}
