package dev.leakhunt.charts.verdict;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.stat.ranking.NaturalRanking;

/**
 * The Mann–Kendall trend test with the tie correction of its variance and the Hamed–Rao (1998) correction for
 * autocorrelation: the variance of S is inflated by the significant lag autocorrelations of the ranks of the
 * detrended series. Block medians are already close to independent; this catches what blocking leaves (a slow
 * oscillation of the level, AR(1) noise with a long memory). The correction factor is floored at 1 so that
 * negative autocorrelation never makes the test bolder.
 *
 * <p>The detrending is the caller's: Hamed–Rao's straight line (Sen's slope) leaves the bend of a leak that
 * starts mid-run in the residuals, where it reads as autocorrelation and hides the very trend under test, so
 * {@link VerdictEngine} passes the residuals of a {@link Hinge} instead.
 */
final class MannKendall {

    /** Lags whose rank autocorrelation is outside this two-sided band around 0 count as significant. */
    static final double AUTOCORRELATION_ALPHA = 0.05;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    /**
     * @param s                  Kendall's S: concordant minus discordant pairs
     * @param variance           Var(S) with ties and autocorrelation accounted for
     * @param autocorrelationFactor  the Hamed–Rao n/n* factor applied to the tie-corrected variance (≥ 1)
     * @param pValue             two-sided, with continuity correction
     */
    record Result(double s, double variance, double autocorrelationFactor, double z, double pValue) {
    }

    private MannKendall() {
    }

    /** Tests {@code y} (in time order) for a monotonic trend; {@code residuals} is {@code y} detrended. */
    static Result test(double[] y, double[] residuals) {
        int n = y.length;
        double s = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Math.signum(y[j] - y[i]);
            }
        }
        double factor = hamedRaoFactor(residuals);
        double variance = tieCorrectedVariance(y) * factor;
        double z = variance == 0 ? 0 : (s - Math.signum(s)) / Math.sqrt(variance);
        double p = 2 * (1 - STANDARD_NORMAL.cumulativeProbability(Math.abs(z)));
        return new Result(s, variance, factor, z, p);
    }

    static double tieCorrectedVariance(double[] y) {
        int n = y.length;
        double[] sorted = y.clone();
        java.util.Arrays.sort(sorted);
        double ties = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            ties += t * (t - 1) * (2 * t + 5);
            i = j;
        }
        return (n * (n - 1.0) * (2 * n + 5.0) - ties) / 18.0;
    }

    static double hamedRaoFactor(double[] residuals) {
        int n = residuals.length;
        double[] ranks = new NaturalRanking().rank(residuals);
        double mean = (n + 1) / 2.0;
        double denominator = 0;
        for (double r : ranks) {
            denominator += (r - mean) * (r - mean);
        }
        if (denominator == 0) {
            return 1;
        }
        double band = STANDARD_NORMAL.inverseCumulativeProbability(1 - AUTOCORRELATION_ALPHA / 2) / Math.sqrt(n);
        double sum = 0;
        for (int k = 1; k < n - 2; k++) {
            double numerator = 0;
            for (int i = 0; i < n - k; i++) {
                numerator += (ranks[i] - mean) * (ranks[i + k] - mean);
            }
            double rho = numerator / denominator;
            if (Math.abs(rho) > band) {
                sum += (n - k) * (n - k - 1.0) * (n - k - 2.0) * rho;
            }
        }
        double factor = 1 + 2 * sum / (n * (n - 1.0) * (n - 2.0));
        return Math.max(1, factor);
    }
}
