package dev.leakhunt.charts.verdict;

import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

/**
 * The best continuous two-segment line {@code y = a + b1 min(x - k, 0) + b2 max(x - k, 0)} over knees at the
 * given block indices, by least squares. It models the shapes a resource curve takes — a warm-up that slows, a
 * leak that starts mid-run, a step smoothed by blocking — well enough to find warm-up knees and to leave residuals
 * that measure noise rather than shape.
 *
 * @param kneeIndex       the block the knee sits on
 * @param sse             residual sum of squares
 * @param slopeBefore     {@code b1}
 * @param slopeAfter      {@code b2}
 * @param residuals       {@code y} minus the fit, per block
 */
record Hinge(int kneeIndex, double sse, double slopeBefore, double slopeAfter, double[] residuals) {

    /** The best hinge with its knee on a block in {@code [firstKnee, lastKnee)}; null when that range is empty. */
    static Hinge best(double[] x, double[] y, int firstKnee, int lastKnee) {
        Hinge best = null;
        for (int knee = Math.max(1, firstKnee); knee < Math.min(lastKnee, x.length - 1); knee++) {
            double[][] design = new double[x.length][2];
            for (int i = 0; i < x.length; i++) {
                design[i][0] = Math.min(x[i] - x[knee], 0);
                design[i][1] = Math.max(x[i] - x[knee], 0);
            }
            OLSMultipleLinearRegression regression = new OLSMultipleLinearRegression();
            regression.newSampleData(y, design);
            double sse = regression.calculateResidualSumOfSquares();
            if (best == null || sse < best.sse) {
                double[] beta = regression.estimateRegressionParameters();
                best = new Hinge(knee, sse, beta[1], beta[2], regression.estimateResiduals());
            }
        }
        return best;
    }
}
