package dev.leakhunt.sampler.jfr;

import dev.leakhunt.sampler.Column;
import dev.leakhunt.sampler.Sample;
import dev.leakhunt.sampler.Source;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;

/**
 * {@code gc_pauses}, {@code gc_pause_p99_ns}, {@code gc_pause_max_ns}: exact stop-the-world GC pauses from the
 * target's JFR {@code jdk.GCPhasePause} events (GC notifications round to whole ms; ZGC pauses last tens of µs).
 * A pause is counted in the row that is taken after its event arrives; JFR streams with about one second of
 * delay, so a pause ending in the last second of an interval may land in the next row.
 */
public final class GcPauseSource implements Source {
    public static final String EVENT = "jdk.GCPhasePause";

    private final TargetEventStream events;
    private final List<Long> pendingNs = new ArrayList<>();

    public GcPauseSource(TargetEventStream events) {
        this.events = events;
        events.subscribe(EVENT, this::onPause);
    }

    private void onPause(RecordedEvent event) {
        long ns = event.getDuration().toNanos();
        synchronized (pendingNs) {
            pendingNs.add(ns);
        }
    }

    @Override
    public String name() {
        return "jfr-gc-pauses";
    }

    @Override
    public void sampleInto(Sample sample) throws IOException {
        if (!events.running()) {
            throw new IOException("the JFR stream from the target has ended");
        }
        long[] pauses;
        synchronized (pendingNs) {
            pauses = pendingNs.stream().mapToLong(Long::longValue).toArray();
            pendingNs.clear();
        }
        sample.set(Column.GC_PAUSES, pauses.length);
        PauseStats stats = PauseStats.of(pauses);
        if (stats != null) {
            sample.set(Column.GC_PAUSE_P99_NS, stats.p99Ns());
            sample.set(Column.GC_PAUSE_MAX_NS, stats.maxNs());
        }
    }
}
