package dev.leakhunt.charts.verdict;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The Theil–Sen slope (median of all pairwise slopes), robust to a third of outliers, with Sen's (1968)
 * distribution-free confidence interval: the interval's ends are order statistics of the pairwise slopes chosen
 * from the variance of Kendall's S (so the autocorrelation correction of {@link MannKendall} widens it too).
 */
final class TheilSen {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    /** The fitted line {@code y = intercept + slope * x} and the slope's confidence interval. */
    record Fit(double slope, double intercept, double ciLow, double ciHigh) {

        double at(double x) {
            return intercept + slope * x;
        }
    }

    private TheilSen() {
    }

    static Fit fit(double[] x, double[] y, double varianceOfS, double confidence) {
        double[] slopes = pairwiseSlopes(x, y);
        double slope = Blocks.median(slopes);
        double[] offsets = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            offsets[i] = y[i] - slope * x[i];
        }
        double intercept = Blocks.median(offsets);
        double c = STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2) * Math.sqrt(varianceOfS);
        int n = slopes.length;
        double lowerRank = (n - c) / 2;
        double upperRank = (n + c) / 2 + 1;
        return new Fit(slope, intercept, orderStatistic(slopes, lowerRank), orderStatistic(slopes, upperRank));
    }

    /** Pairwise slopes, sorted; pairs at the same x are skipped. */
    private static double[] pairwiseSlopes(double[] x, double[] y) {
        int n = x.length;
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                if (x[j] != x[i]) {
                    slopes[k++] = (y[j] - y[i]) / (x[j] - x[i]);
                }
            }
        }
        double[] result = Arrays.copyOf(slopes, k);
        Arrays.sort(result);
        return result;
    }

    /** The 1-based {@code rank}-th value of sorted {@code values}, interpolated, clamped to the ends. */
    private static double orderStatistic(double[] sorted, double rank) {
        double r = Math.clamp(rank, 1, sorted.length);
        int below = (int) Math.floor(r);
        double fraction = r - below;
        if (below >= sorted.length) {
            return sorted[sorted.length - 1];
        }
        return sorted[below - 1] + fraction * (sorted[below] - sorted[below - 1]);
    }
}
