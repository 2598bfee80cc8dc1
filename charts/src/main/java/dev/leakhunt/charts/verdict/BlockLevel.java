package dev.leakhunt.charts.verdict;

import java.util.Arrays;

/** How a block of samples is reduced to the one level the trend statistics see. */
public enum BlockLevel {
    /** Ignores the GC sawtooth and single spikes: the level of a series that wanders around its value. */
    MEDIAN {
        @Override
        double of(double[] samples) {
            return Blocks.median(samples);
        }
    },
    /**
     * The block's lowest sample: for a series that is a lower envelope already, the live heap. Its samples sit on
     * a sawtooth whose floor is the live data (reached when a marking cycle's mixed collections end) and whose
     * teeth are garbage promoted since. The teeth grow with the allocation rate, so a median that rises with
     * them calls a busier service a leak; the floor rises only with what stays reachable.
     */
    LOWEST {
        @Override
        double of(double[] samples) {
            return Arrays.stream(samples).min().orElse(Double.NaN);
        }
    },
    /**
     * The block's mean: for a counter's rate, whose rows count a few whole units each (0, 1 or 2 collections, or
     * 10 ms CPU ticks, in a 2 s row). The median of such rates moves in steps of one unit per row and can hide a
     * doubling — the lab's map leak took G1 from 24.5 to 58 collections a minute, and its GC threads from 0.7 % to
     * 2.7 % of a core, and the medians called both flat or a step — while the mean of a block of equal-time rows
     * is the counter's rise over the block's time.
     */
    MEAN {
        @Override
        double of(double[] samples) {
            return Arrays.stream(samples).average().orElse(Double.NaN);
        }
    };

    abstract double of(double[] samples);
}
