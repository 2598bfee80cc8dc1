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
    };

    abstract double of(double[] samples);
}
