package dev.leakhunt.target.metrics;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * {@code gc_pause_seconds{gc,action}}: one observation per GC notification of a pausing collector. The JVM's
 * own {@code jvm_gc_collection_seconds} has only a count and a sum, which hides the tail. Resolution is the
 * notification's whole milliseconds; exact sub-millisecond pauses are in JFR {@code jdk.GCPhasePause}.
 * Beans whose name ends in "Cycles" (ZGC, Shenandoah) report concurrent cycle lengths, not pauses, and are skipped.
 */
public final class GcPauseHistogram implements AutoCloseable {
    private static final double[] BUCKETS_SECONDS = {
        0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10,
    };

    private final Histogram pauses;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;

    public GcPauseHistogram(PrometheusRegistry registry) {
        this.pauses = Histogram.builder()
                .name("gc_pause_seconds")
                .help("GC pauses reported by GC notifications (whole-millisecond resolution)")
                .labelNames("gc", "action")
                .classicOnly()
                .classicUpperBounds(BUCKETS_SECONDS)
                .register(registry);
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter emitter && !bean.getName().endsWith("Cycles")) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    private void onNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        pauses.labelValues(info.getGcName(), info.getGcAction()).observe(info.getGcInfo().getDuration() / 1000.0);
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone: nothing left to remove
            }
        }
        emitters.clear();
    }
}
