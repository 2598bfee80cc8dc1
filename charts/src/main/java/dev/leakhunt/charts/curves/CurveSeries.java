package dev.leakhunt.charts.curves;

/**
 * One line of a chart, in the chart's {@link ValueUnit}; NaN values are gaps. {@code column} names the
 * {@code samples.csv} column it comes from, so a reader can go from the legend to the source in one hop.
 */
public record CurveSeries(String label, String column, long[] tsMs, double[] values, Style style) {

    public enum Style {
        /** A measured value. */
        LINE,
        /** A ceiling the measured values run into (heap max, fd limit): dashed, drawn only when relevant. */
        LIMIT
    }

    public double max() {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                max = Math.max(max, v);
            }
        }
        return max;
    }
}
