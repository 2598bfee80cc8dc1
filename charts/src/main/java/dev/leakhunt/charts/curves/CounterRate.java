package dev.leakhunt.charts.curves;

/** Rates from cumulative counters such as {@code gc_cpu_seconds} (formats.md: they only grow while the target lives). */
public final class CounterRate {

    private CounterRate() {
    }

    /**
     * The counter's increase per wall-clock second over each row's interval, NaN for the first row, where either
     * value is missing, and where the counter went down — a target restart resets it, and that interval's true
     * increase is unknown.
     */
    public static double[] perWallSecond(long[] tsMs, double[] cumulative) {
        double[] rate = new double[cumulative.length];
        rate[0] = Double.NaN;
        int previous = Double.isNaN(cumulative[0]) ? -1 : 0;
        for (int i = 1; i < cumulative.length; i++) {
            rate[i] = Double.NaN;
            if (Double.isNaN(cumulative[i])) {
                continue;
            }
            if (previous >= 0 && tsMs[i] > tsMs[previous] && cumulative[i] >= cumulative[previous]) {
                rate[i] = (cumulative[i] - cumulative[previous]) * 1000.0 / (tsMs[i] - tsMs[previous]);
            }
            previous = i;
        }
        return rate;
    }
}
