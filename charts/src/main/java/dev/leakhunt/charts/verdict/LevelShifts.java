package dev.leakhunt.charts.verdict;

/**
 * Whether a rise is a climb or a few level shifts: the block medians fitted by a climb — a straight line, or a
 * hinge (two joined lines: a leak that begins mid-window) — against the best piecewise-constant fit with one or
 * two shifts, compared by the Bayesian information criterion. A leak adds to every block it spans and a climb
 * fits it; a pool that grew at a couple of latency peaks — Gatling's shared connection pool and Jetty's threads in
 * a clean 150 s control, 37 → 43 → 45 sockets — is flat between its jumps, and two shifts fit it far better.
 * Shifts must win by {@link #STRONG_EVIDENCE}: noise around a slow leak makes them fit nearly as well, and then
 * the climb is kept.
 */
final class LevelShifts {

    /** A BIC difference above 10 is "very strong" evidence (Kass and Raftery, 1995). */
    static final double STRONG_EVIDENCE = 10;

    /** The two fits' criteria (lower is better) and how many shifts the better piecewise fit has. */
    record Comparison(double climbBic, double shiftsBic, int shifts) {
        boolean shiftsWin() {
            return shiftsBic < climbBic - STRONG_EVIDENCE;
        }
    }

    private LevelShifts() {
    }

    static Comparison compare(double[] x, double[] y) {
        int n = y.length;
        double[] sum = new double[n + 1];
        double[] sumSquares = new double[n + 1];
        for (int i = 0; i < n; i++) {
            sum[i + 1] = sum[i] + y[i];
            sumSquares[i + 1] = sumSquares[i] + y[i] * y[i];
        }
        double floor = 1e-12 * Math.max(1, constantSse(sum, sumSquares, 0, n));
        double climb = bic(Math.max(floor, WarmupDetector.lineSse(x, y)), n, 2);
        Hinge hinge = Hinge.best(x, y, 1, n - 2);
        if (hinge != null) {
            // Parameters: two slopes, the intercept and the knee.
            climb = Math.min(climb, bic(Math.max(floor, hinge.sse()), n, 4));
        }
        double oneShift = Double.POSITIVE_INFINITY;
        double twoShifts = Double.POSITIVE_INFINITY;
        for (int i = 1; i < n; i++) {
            double head = constantSse(sum, sumSquares, 0, i);
            oneShift = Math.min(oneShift, head + constantSse(sum, sumSquares, i, n));
            for (int j = i + 1; j < n; j++) {
                twoShifts = Math.min(twoShifts, head + constantSse(sum, sumSquares, i, j)
                        + constantSse(sum, sumSquares, j, n));
            }
        }
        // Parameters: the levels and the shift positions.
        double one = bic(Math.max(floor, oneShift), n, 3);
        double two = bic(Math.max(floor, twoShifts), n, 5);
        return one <= two ? new Comparison(climb, one, 1) : new Comparison(climb, two, 2);
    }

    /** Sum of squared deviations from their mean of {@code y[from..to)}, from prefix sums. */
    private static double constantSse(double[] sum, double[] sumSquares, int from, int to) {
        int count = to - from;
        double s = sum[to] - sum[from];
        return Math.max(0, sumSquares[to] - sumSquares[from] - s * s / count);
    }

    private static double bic(double sse, int n, int parameters) {
        return n * Math.log(sse / n) + parameters * Math.log(n);
    }
}
