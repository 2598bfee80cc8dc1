package dev.leakhunt.sampler.jmx;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.leakhunt.sampler.Column;
import dev.leakhunt.sampler.Sample;
import dev.leakhunt.sampler.Source;
import java.io.IOException;
import java.time.Duration;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * {@code heap_live_bytes}: the lowest heap used right after a GC among the GCs that ended in the interval,
 * from the target's GC notifications ({@code getMemoryUsageAfterGc}, summed over the heap pools). This is the
 * lower envelope of the sawtooth; {@code getCollectionUsage()} cannot serve on G1, where the old generation's
 * figure moves only at concurrent cycles and full GCs. ZGC's "… Pauses" beans are skipped: a pause is not the
 * end of a collection.
 */
public final class HeapLiveSource implements Source, NotificationListener {
    private static final long NONE = Long.MAX_VALUE;

    private final TargetJvm jvm;
    private final Set<String> heapPools;
    private final List<ObjectName> subscribed = new ArrayList<>();
    private final AtomicLong lowestAfterGcBytes = new AtomicLong(NONE);
    private long gcsEnded;

    public HeapLiveSource(TargetJvm jvm) throws IOException {
        this.jvm = jvm;
        this.heapPools = jvm.platformBeans(MemoryPoolMXBean.class).stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toUnmodifiableSet());
        try {
            for (GarbageCollectorMXBean gc : jvm.platformBeans(GarbageCollectorMXBean.class)) {
                if (!gc.getName().endsWith(" Pauses")) {
                    jvm.connection().addNotificationListener(gc.getObjectName(), this, null, null);
                    subscribed.add(gc.getObjectName());
                }
            }
        } catch (JMException e) {
            close();
            throw new IOException("cannot subscribe to GC notifications: " + e.getMessage(), e);
        }
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = heapUsedAfter(info.getGcInfo().getMemoryUsageAfterGc(), heapPools);
        lowestAfterGcBytes.accumulateAndGet(used, Math::min);
        synchronized (this) {
            gcsEnded++;
            notifyAll();
        }
    }

    /**
     * Waits until the next GC ends, at most {@code timeout}; true if one did. A heap walk started right after a GC
     * has the least to walk: the young generation has just been emptied.
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

    static long heapUsedAfter(Map<String, MemoryUsage> afterGc, Set<String> heapPools) {
        long used = 0;
        for (var pool : afterGc.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }

    @Override
    public String name() {
        return "gc-notifications";
    }

    @Override
    public void sampleInto(Sample sample) {
        long lowest = lowestAfterGcBytes.getAndSet(NONE);
        if (lowest != NONE) {
            sample.set(Column.HEAP_LIVE_BYTES, lowest);
        }
    }

    /** Removes the listeners from the target: a sampler that comes and goes must leave nothing behind. */
    @Override
    public void close() {
        for (ObjectName name : subscribed) {
            try {
                jvm.connection().removeNotificationListener(name, this);
            } catch (JMException | IOException targetGone) {
                // nothing left to remove from
            }
        }
        subscribed.clear();
    }
}
