package dev.leakhunt.sampler.jfr;

import java.util.Arrays;

/** Count, nearest-rank p99 and max of a set of pause durations in ns. */
public record PauseStats(int count, long p99Ns, long maxNs) {

    /** Null when there is no pause: a p99 of nothing is unknown, not 0. */
    public static PauseStats of(long[] pausesNs) {
        if (pausesNs.length == 0) {
            return null;
        }
        long[] sorted = pausesNs.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(0.99 * sorted.length);
        return new PauseStats(sorted.length, sorted[rank - 1], sorted[sorted.length - 1]);
    }
}
