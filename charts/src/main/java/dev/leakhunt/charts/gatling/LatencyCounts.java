package dev.leakhunt.charts.gatling;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact counts of integer-millisecond latencies (Gatling's resolution is 1 ms), so percentiles are exact rather
 * than estimated. While a bucket is filling, counts sit in an array indexed by ms; {@link #compact()} turns them
 * into (value, count) pairs, a few hundred bytes for a typical 10 s bucket, and a later {@link #add} expands them
 * back. Latencies beyond {@link #DENSE_LIMIT_MS} go to a sorted map so that one pathological request cannot
 * allocate a huge array.
 *
 * <p>Percentiles use the nearest-rank definition (as HdrHistogram does): the p-th percentile is the smallest
 * recorded value whose cumulative count reaches {@code ceil(p/100 * count)}; it is always a value that occurred.
 * Gatling's own report differs by definition: it estimates percentiles with a t-digest (compression 100, ties
 * broken by an unseeded random) and rounds them, so at the median it may be a millisecond off these exact values;
 * counts, min and max agree exactly (see GatlingLogAgainstGatlingTest).
 */
final class LatencyCounts {

    private static final int DENSE_LIMIT_MS = 1 << 20;
    private static final int INITIAL_DENSE_LENGTH = 64;

    private long[] dense = new long[INITIAL_DENSE_LENGTH];
    private TreeMap<Integer, Long> beyondDense;
    private int[] compactValuesMs;
    private long[] compactCounts;
    private long count;
    private int minMs = Integer.MAX_VALUE;
    private int maxMs = Integer.MIN_VALUE;

    /** Records one latency; a negative one (wall clock stepped back mid-request) counts as 0 ms. */
    void add(int latencyMs) {
        if (dense == null) {
            expand();
        }
        int ms = Math.max(0, latencyMs);
        put(ms, 1);
        count++;
        minMs = Math.min(minMs, ms);
        maxMs = Math.max(maxMs, ms);
    }

    private void put(int ms, long n) {
        if (ms < DENSE_LIMIT_MS) {
            if (ms >= dense.length) {
                long[] grown = new long[Math.min(DENSE_LIMIT_MS, Integer.highestOneBit(ms) << 1)];
                System.arraycopy(dense, 0, grown, 0, dense.length);
                dense = grown;
            }
            dense[ms] += n;
        } else {
            if (beyondDense == null) {
                beyondDense = new TreeMap<>();
            }
            beyondDense.merge(ms, n, Long::sum);
        }
    }

    long count() {
        return count;
    }

    /** The smallest latency recorded; only meaningful when {@link #count()} is positive. */
    int minMs() {
        return minMs;
    }

    /** The largest latency recorded; only meaningful when {@link #count()} is positive. */
    int maxMs() {
        return maxMs;
    }

    /**
     * Nearest-rank percentiles for each of {@code percentiles} (each in (0, 100], ascending) in one pass.
     * Returns NaN for each when nothing was recorded.
     */
    double[] percentilesMs(double... percentiles) {
        double[] result = new double[percentiles.length];
        if (count == 0) {
            Arrays.fill(result, Double.NaN);
            return result;
        }
        long[] ranks = new long[percentiles.length];
        for (int i = 0; i < percentiles.length; i++) {
            if (!(percentiles[i] > 0 && percentiles[i] <= 100) || (i > 0 && percentiles[i] < percentiles[i - 1])) {
                throw new IllegalArgumentException("percentiles must be ascending in (0, 100]: "
                        + Arrays.toString(percentiles));
            }
            ranks[i] = Math.max(1, (long) Math.ceil(percentiles[i] / 100.0 * count));
        }
        RankWalker walker = new RankWalker(ranks, result);
        if (dense != null) {
            for (int ms = 0; ms < dense.length && !walker.done(); ms++) {
                walker.accept(ms, dense[ms]);
            }
            if (beyondDense != null) {
                for (Map.Entry<Integer, Long> e : beyondDense.entrySet()) {
                    walker.accept(e.getKey(), e.getValue());
                }
            }
        } else {
            for (int i = 0; i < compactValuesMs.length && !walker.done(); i++) {
                walker.accept(compactValuesMs[i], compactCounts[i]);
            }
        }
        return result;
    }

    /** Adds every latency counted in {@code other}. */
    void addAll(LatencyCounts other) {
        if (other.count == 0) {
            return;
        }
        if (dense == null) {
            expand();
        }
        if (other.dense != null) {
            for (int ms = 0; ms < other.dense.length; ms++) {
                if (other.dense[ms] != 0) {
                    put(ms, other.dense[ms]);
                }
            }
            if (other.beyondDense != null) {
                other.beyondDense.forEach(this::put);
            }
        } else {
            for (int i = 0; i < other.compactValuesMs.length; i++) {
                put(other.compactValuesMs[i], other.compactCounts[i]);
            }
        }
        count += other.count;
        minMs = Math.min(minMs, other.minMs);
        maxMs = Math.max(maxMs, other.maxMs);
    }

    /** Switches to the (value, count) form; cheap to call again. */
    void compact() {
        if (dense == null) {
            return;
        }
        int distinct = beyondDense == null ? 0 : beyondDense.size();
        for (long c : dense) {
            if (c != 0) {
                distinct++;
            }
        }
        compactValuesMs = new int[distinct];
        compactCounts = new long[distinct];
        int i = 0;
        for (int ms = 0; ms < dense.length; ms++) {
            if (dense[ms] != 0) {
                compactValuesMs[i] = ms;
                compactCounts[i++] = dense[ms];
            }
        }
        if (beyondDense != null) {
            for (Map.Entry<Integer, Long> e : beyondDense.entrySet()) {
                compactValuesMs[i] = e.getKey();
                compactCounts[i++] = e.getValue();
            }
        }
        dense = null;
        beyondDense = null;
    }

    private void expand() {
        dense = new long[INITIAL_DENSE_LENGTH];
        for (int i = 0; i < compactValuesMs.length; i++) {
            put(compactValuesMs[i], compactCounts[i]);
        }
        compactValuesMs = null;
        compactCounts = null;
    }

    /** Walks values in ascending order with their counts and fills each percentile when its rank is reached. */
    private static final class RankWalker {
        private final long[] ranks;
        private final double[] result;
        private long cumulative;
        private int next;

        RankWalker(long[] ranks, double[] result) {
            this.ranks = ranks;
            this.result = result;
        }

        void accept(int valueMs, long valueCount) {
            cumulative += valueCount;
            while (next < ranks.length && cumulative >= ranks[next]) {
                result[next++] = valueMs;
            }
        }

        boolean done() {
            return next == ranks.length;
        }
    }
}
