package dev.leakhunt.charts.verdict;

/**
 * Whether a rise is a climb or a few level shifts: the block medians fitted by a climb — a straight line, or a
 * hinge (two joined lines: a leak that begins mid-window) — against the best piecewise-constant fit with one or
 * two shifts, compared by the Bayesian information criterion. A leak adds to every block it spans and a climb
 * fits it; a pool that grew at a couple of latency peaks — Gatling's shared connection pool and Jetty's threads in
 * a clean 150 s control, 37 → 43 → 45 sockets — is flat between its jumps, and two shifts fit it far better.
 * Shifts must win by {@link #STRONG_EVIDENCE}: noise around a slow leak makes them fit nearly as well, and then
 * the climb is kept. And they must not be beaten by the same shifts with a rise between them (one common
 * slope across the segments): a leak can take a step too — the ticker leak's live heap climbed 24 → 29 MB, then
 * jumped to 62 MB in one GC — and still climbs between its steps, which a pool does not.
 */
final class LevelShifts {

    /** A BIC difference above 10 is "very strong" evidence (Kass and Raftery, 1995). */
    static final double STRONG_EVIDENCE = 10;

    /**
     * The fits' criteria (lower is better) and how many shifts the better piecewise fit has.
     *
     * @param steppedClimbBic the best fit by one or two shifts with a common rising slope between them
     */
    record Comparison(double climbBic, double shiftsBic, double steppedClimbBic, int shifts) {
        boolean shiftsWin() {
            return shiftsBic < climbBic - STRONG_EVIDENCE && shiftsBic <= steppedClimbBic;
        }
    }

    private LevelShifts() {
    }

    static Comparison compare(double[] x, double[] y) {
        int n = y.length;
        Prefix p = new Prefix(x, y);
        double floor = 1e-12 * Math.max(1, p.segment(0, n).syy());
        double climb = bic(Math.max(floor, WarmupDetector.lineSse(x, y)), n, 2);
        Hinge hinge = Hinge.best(x, y, 1, n - 2);
        if (hinge != null) {
            // Parameters: two slopes, the intercept and the knee.
            climb = Math.min(climb, bic(Math.max(floor, hinge.sse()), n, 4));
        }
        double oneShift = Double.POSITIVE_INFINITY;
        double twoShifts = Double.POSITIVE_INFINITY;
        double oneShiftRising = Double.POSITIVE_INFINITY;
        double twoShiftsRising = Double.POSITIVE_INFINITY;
        for (int i = 1; i < n; i++) {
            Segment head = p.segment(0, i);
            Segment tail = p.segment(i, n);
            oneShift = Math.min(oneShift, head.syy() + tail.syy());
            oneShiftRising = Math.min(oneShiftRising, risingSse(head, tail));
            for (int j = i + 1; j < n; j++) {
                Segment middle = p.segment(i, j);
                Segment last = p.segment(j, n);
                twoShifts = Math.min(twoShifts, head.syy() + middle.syy() + last.syy());
                twoShiftsRising = Math.min(twoShiftsRising, risingSse(head, middle, last));
            }
        }
        // Parameters: the levels and the shift positions; the rising fits add their slope.
        double one = bic(Math.max(floor, oneShift), n, 3);
        double two = bic(Math.max(floor, twoShifts), n, 5);
        double stepped = Math.min(bic(Math.max(floor, oneShiftRising), n, 4),
                bic(Math.max(floor, twoShiftsRising), n, 6));
        return one <= two ? new Comparison(climb, one, stepped, 1) : new Comparison(climb, two, stepped, 2);
    }

    /**
     * The residual sum of squares of the segments' own levels with one common slope (analysis of covariance:
     * the pooled within-segment regression), when that slope rises; the levels alone otherwise.
     */
    private static double risingSse(Segment... segments) {
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (Segment s : segments) {
            sxx += s.sxx();
            sxy += s.sxy();
            syy += s.syy();
        }
        return sxy > 0 && sxx > 0 ? Math.max(0, syy - sxy * sxy / sxx) : syy;
    }

    /** Centred sums of squares and cross-products of one run of blocks. */
    private record Segment(double sxx, double sxy, double syy) {
    }

    /** Prefix sums, so that any segment's centred sums come in constant time. */
    private static final class Prefix {
        private final double[] x;
        private final double[] y;
        private final double[] xx;
        private final double[] xy;
        private final double[] yy;

        Prefix(double[] xs, double[] ys) {
            int n = ys.length;
            x = new double[n + 1];
            y = new double[n + 1];
            xx = new double[n + 1];
            xy = new double[n + 1];
            yy = new double[n + 1];
            for (int i = 0; i < n; i++) {
                x[i + 1] = x[i] + xs[i];
                y[i + 1] = y[i] + ys[i];
                xx[i + 1] = xx[i] + xs[i] * xs[i];
                xy[i + 1] = xy[i] + xs[i] * ys[i];
                yy[i + 1] = yy[i] + ys[i] * ys[i];
            }
        }

        /** {@code [from, to)}. */
        Segment segment(int from, int to) {
            int count = to - from;
            double sx = x[to] - x[from];
            double sy = y[to] - y[from];
            return new Segment(Math.max(0, xx[to] - xx[from] - sx * sx / count),
                    xy[to] - xy[from] - sx * sy / count,
                    Math.max(0, yy[to] - yy[from] - sy * sy / count));
        }
    }

    private static double bic(double sse, int n, int parameters) {
        return n * Math.log(sse / n) + parameters * Math.log(n);
    }
}
