package dev.leakhunt.charts.report;

import dev.leakhunt.charts.curves.LoadOverlay;
import dev.leakhunt.charts.gatling.GatlingLatency;
import dev.leakhunt.charts.gatling.LatencyInterval;
import java.util.List;

/** The driver's per-interval latency (charts' Gatling reader) as the overlay drawn on every curve. */
final class LoadOverlays {

    private LoadOverlays() {
    }

    static LoadOverlay of(GatlingLatency latency) {
        List<LatencyInterval> intervals = latency.intervals();
        long[] midMs = new long[intervals.size()];
        double[] p99Ms = new double[intervals.size()];
        double[] perS = new double[intervals.size()];
        for (int i = 0; i < intervals.size(); i++) {
            LatencyInterval interval = intervals.get(i);
            // Plotted mid-interval: the bucket summarizes the requests that ended anywhere inside it.
            midMs[i] = (interval.startMs() + interval.endMs()) / 2;
            p99Ms[i] = interval.stats().p99Ms();
            perS[i] = interval.stats().count() * 1000.0 / (interval.endMs() - interval.startMs());
        }
        return new LoadOverlay(midMs, p99Ms, perS);
    }
}
