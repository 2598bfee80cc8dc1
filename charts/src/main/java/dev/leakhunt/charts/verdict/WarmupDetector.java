package dev.leakhunt.charts.verdict;

import org.hipparchus.distribution.continuous.FDistribution;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * Finds where warm-up ends on a whole series' block medians by fitting a continuous two-segment line (a hinge)
 * with its knee at each block of the first half, against a single straight line. A knee is accepted when the hinge
 * explains significantly more (F-test on the extra parameter, at a strict level because the knee position is
 * searched) <em>and</em> the curve slows down at the knee to at most {@link #MAX_SLOPE_RATIO_AFTER_KNEE} of its
 * slope before it — a warm-up slows down; a leak that speeds up is not a warm-up, and neither is a leak whose rate
 * wavers by a tenth (a clean fd leak at 60 fds/s gave a significant knee from 68 to 61 fds/s, which would have
 * left it too little evidence to be judged). Block medians of a slowly wandering series are still autocorrelated,
 * which makes a knee look more significant than it is, so the F statistic and its degrees of freedom are scaled to
 * the effective number of blocks {@code n (1 - r1) / (1 + r1)}, r1 being the lag-1 autocorrelation of the hinge's
 * residuals (Bretherton et al., 1999). A series without an accepted knee has no warm-up to skip, so a linear leak keeps
 * its whole length as evidence, and a warm-up followed by a leak is judged on the part after the knee.
 */
final class WarmupDetector {

    /** Knees are searched in the first half: a "warm-up" longer than the rest of the run is not one. */
    static final double MAX_WARMUP_FRACTION = 0.5;
    /** Significance of the hinge over the straight line; strict because the best of many knees is taken. */
    static final double KNEE_ALPHA = 0.001;
    /** The hinge needs this many blocks on each side of the knee to estimate both slopes. */
    static final int MIN_BLOCKS_PER_SEGMENT = 3;
    /** A knee is a warm-up only if the curve climbs after it at most this fraction of its slope before it. */
    static final double MAX_SLOPE_RATIO_AFTER_KNEE = 0.5;

    private WarmupDetector() {
    }

    /** The end of warm-up in ms, or the first block's start time when there is none. */
    static double warmupEndMs(Blocks blocks, double seriesStartMs) {
        int n = blocks.size();
        double[] x = blocks.hoursFromFirst();
        double[] y = blocks.levels();
        int lastKnee = (int) Math.floor(n * MAX_WARMUP_FRACTION);
        if (lastKnee < MIN_BLOCKS_PER_SEGMENT || n - lastKnee < MIN_BLOCKS_PER_SEGMENT) {
            return seriesStartMs;
        }
        double lineSse = lineSse(x, y);
        Hinge best = Hinge.best(x, y, MIN_BLOCKS_PER_SEGMENT - 1, lastKnee);
        if (best == null || lineSse <= best.sse()
                || Math.abs(best.slopeAfter()) > MAX_SLOPE_RATIO_AFTER_KNEE * Math.abs(best.slopeBefore())) {
            return seriesStartMs;
        }
        double bestSse = best.sse();
        double r1 = Math.max(0, lag1Autocorrelation(best.residuals()));
        double effectiveBlocks = n * (1 - r1) / (1 + r1);
        double residualDf = effectiveBlocks - 3;
        if (residualDf < 1) {
            return seriesStartMs;
        }
        double f = bestSse == 0 ? Double.POSITIVE_INFINITY
                : (lineSse - bestSse) / (bestSse / (n - 3)) * (effectiveBlocks / n);
        double p = 1 - new FDistribution(1, residualDf).cumulativeProbability(f);
        return p < KNEE_ALPHA ? blocks.timesMs()[best.kneeIndex()] : seriesStartMs;
    }

    private static double lag1Autocorrelation(double[] residuals) {
        double mean = 0;
        for (double r : residuals) {
            mean += r / residuals.length;
        }
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < residuals.length; i++) {
            double d = residuals[i] - mean;
            denominator += d * d;
            if (i > 0) {
                numerator += d * (residuals[i - 1] - mean);
            }
        }
        return denominator == 0 ? 0 : numerator / denominator;
    }

    static double lineSse(double[] x, double[] y) {
        SimpleRegression line = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            line.addData(x[i], y[i]);
        }
        return line.getSumSquaredErrors();
    }

}
