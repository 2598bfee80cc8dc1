package dev.leakhunt.charts.gatling;

import java.util.List;

/**
 * What a run's {@code simulation.log} says about latency: per-interval stats (contiguous, empty intervals
 * included with a zero count), the whole-run totals, and how much of the file was read.
 */
public record GatlingLatency(RunHeader header, long intervalMs, List<LatencyInterval> intervals, LatencyStats total,
                             ReadProgress progress) {

    public GatlingLatency {
        intervals = List.copyOf(intervals);
    }
}
