package dev.leakhunt.charts.verdict;

import java.util.Arrays;

/**
 * A window of samples cut into equal-duration blocks, each reduced to one level (by default its median). Samples
 * 5–10 s apart are strongly autocorrelated, so trend statistics on raw samples are over-confident; block medians
 * are much closer to independent, and the median ignores the sawtooth of GC and single spikes. NaN samples are skipped; a block
 * with fewer than {@code minSamples} values (a gap in the sampling) is dropped rather than guessed.
 * {@link #ofEqualCounts} cuts by sample count instead, for a sampling too irregular for equal durations.
 *
 * @param timesMs  the middle of each kept block
 * @param levels   the level of each kept block's samples ({@link BlockLevel})
 */
record Blocks(double[] timesMs, double[] levels) {

    int size() {
        return levels.length;
    }

    /** Block times in hours from the first block, the x axis of slopes per hour. */
    double[] hoursFromFirst() {
        double[] hours = new double[timesMs.length];
        for (int i = 0; i < hours.length; i++) {
            hours[i] = (timesMs[i] - timesMs[0]) / Units.MS_PER_HOUR;
        }
        return hours;
    }

    static Blocks of(double[] tMs, double[] values, double fromMs, double toMs, int blockCount, int minSamples,
                     BlockLevel level) {
        double widthMs = (toMs - fromMs) / blockCount;
        double[][] members = new double[blockCount][];
        int[] counts = new int[blockCount];
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < tMs.length; i++) {
                if (Double.isNaN(values[i]) || tMs[i] < fromMs || tMs[i] > toMs) {
                    continue;
                }
                int block = Math.min(blockCount - 1, (int) ((tMs[i] - fromMs) / widthMs));
                if (pass == 0) {
                    counts[block]++;
                } else {
                    members[block][--counts[block]] = values[i];
                }
            }
            if (pass == 0) {
                for (int b = 0; b < blockCount; b++) {
                    members[b] = new double[counts[b]];
                }
            }
        }
        double[] times = new double[blockCount];
        double[] levels = new double[blockCount];
        int kept = 0;
        for (int b = 0; b < blockCount; b++) {
            if (members[b].length >= minSamples) {
                times[kept] = fromMs + (b + 0.5) * widthMs;
                levels[kept++] = level.of(members[b]);
            }
        }
        return new Blocks(Arrays.copyOf(times, kept), Arrays.copyOf(levels, kept));
    }

    /**
     * The window's valid samples in {@code blockCount} runs of consecutive samples of (nearly) equal size, each
     * placed at its middle sample's time: for a sampling so irregular that equal-duration blocks leave too few
     * with {@code minSamples}. {@code blockCount} must leave each run at least that many samples.
     */
    static Blocks ofEqualCounts(double[] tMs, double[] values, double fromMs, double toMs, int blockCount,
                                BlockLevel level) {
        int[] inside = new int[tMs.length];
        int n = 0;
        for (int i = 0; i < tMs.length; i++) {
            if (!Double.isNaN(values[i]) && tMs[i] >= fromMs && tMs[i] <= toMs) {
                inside[n++] = i;
            }
        }
        double[] times = new double[blockCount];
        double[] levels = new double[blockCount];
        for (int b = 0; b < blockCount; b++) {
            int first = (int) ((long) n * b / blockCount);
            int end = (int) ((long) n * (b + 1) / blockCount);
            double[] members = new double[end - first];
            for (int k = first; k < end; k++) {
                members[k - first] = values[inside[k]];
            }
            times[b] = tMs[inside[(first + end - 1) / 2]];
            levels[b] = level.of(members);
        }
        return new Blocks(times, levels);
    }

    /** Median of the values (sorted in place); the mean of the two middle values for an even count. */
    static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
