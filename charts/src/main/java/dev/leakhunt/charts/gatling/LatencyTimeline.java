package dev.leakhunt.charts.gatling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Buckets requests by the wall-clock time they ended ({@code run start + end offset}) into fixed intervals
 * aligned to the epoch, with exact per-interval and whole-run latency counts. Memory grows with the number of
 * intervals and the distinct latencies in each, never with the number of requests.
 */
public final class LatencyTimeline implements RecordSink {

    public static final long DEFAULT_INTERVAL_MS = 10_000;
    static final double[] REPORTED_PERCENTILES = {50, 95, 99};

    /**
     * Gatling writes a request when its response ends, so end times arrive nearly in order. An interval whose end
     * lies this far behind the latest end seen is compacted; a later straggler only re-expands it.
     */
    private static final long COMPACT_BEHIND_MS = 60_000;

    private final long runStartEpochMs;
    private final long intervalMs;
    private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
    private final Bucket total = new Bucket();
    private long oldestDenseStartMs = Long.MAX_VALUE;

    public LatencyTimeline(long runStartEpochMs, long intervalMs) {
        if (intervalMs <= 0) {
            throw new IllegalArgumentException("interval must be positive: " + intervalMs + " ms");
        }
        this.runStartEpochMs = runStartEpochMs;
        this.intervalMs = intervalMs;
    }

    @Override
    public void request(List<String> groups, String name, int startOffsetMs, int endOffsetMs, boolean ok,
                        String message) {
        long endEpochMs = runStartEpochMs + endOffsetMs;
        long startMs = Math.floorDiv(endEpochMs, intervalMs) * intervalMs;
        int latencyMs = endOffsetMs - startOffsetMs;
        Bucket bucket = buckets.get(startMs);
        if (bucket == null) {
            bucket = new Bucket();
            buckets.put(startMs, bucket);
            compactBefore(startMs - COMPACT_BEHIND_MS - intervalMs);
        }
        bucket.add(latencyMs, ok);
        total.add(latencyMs, ok);
        oldestDenseStartMs = Math.min(oldestDenseStartMs, startMs);
    }

    public long intervalMs() {
        return intervalMs;
    }

    /** Every interval from the first to the last that holds a request, gaps included with a zero count. */
    public List<LatencyInterval> intervals() {
        List<LatencyInterval> result = new ArrayList<>();
        if (buckets.isEmpty()) {
            return result;
        }
        Bucket empty = new Bucket();
        for (long startMs = buckets.firstKey(); startMs <= buckets.lastKey(); startMs += intervalMs) {
            Bucket bucket = buckets.getOrDefault(startMs, empty);
            result.add(new LatencyInterval(startMs, startMs + intervalMs, bucket.stats()));
        }
        return result;
    }

    public LatencyStats total() {
        return total.stats();
    }

    /**
     * Exact stats of the requests that ended in the intervals starting in {@code [fromMs, toMs)}: counts are
     * merged, never percentiles averaged. E.g. the seed's "p99 at hour 12 within 10 % of p99 at hour 1".
     */
    public LatencyStats statsBetween(long fromMs, long toMs) {
        Bucket merged = new Bucket();
        for (Bucket bucket : buckets.subMap(fromMs, toMs).values()) {
            merged.latencies.addAll(bucket.latencies);
            merged.ok += bucket.ok;
        }
        return merged.stats();
    }

    /** Any whole-run nearest-rank percentile, e.g. the 75th that Gatling's summary also prints. */
    public double totalPercentileMs(double percentile) {
        return total.latencies.percentilesMs(percentile)[0];
    }

    private void compactBefore(long startMsExclusive) {
        if (oldestDenseStartMs >= startMsExclusive) {
            return;
        }
        for (Map.Entry<Long, Bucket> e : buckets.subMap(oldestDenseStartMs, startMsExclusive).entrySet()) {
            e.getValue().latencies.compact();
        }
        oldestDenseStartMs = startMsExclusive;
    }

    private static final class Bucket {
        private final LatencyCounts latencies = new LatencyCounts();
        private long ok;

        void add(int latencyMs, boolean isOk) {
            latencies.add(latencyMs);
            if (isOk) {
                ok++;
            }
        }

        LatencyStats stats() {
            long count = latencies.count();
            double[] p = latencies.percentilesMs(REPORTED_PERCENTILES);
            boolean empty = count == 0;
            return new LatencyStats(count, ok, count - ok, empty ? Double.NaN : latencies.minMs(), p[0], p[1], p[2],
                    empty ? Double.NaN : latencies.maxMs());
        }
    }
}
