package dev.leakhunt.charts.curves;

import dev.leakhunt.charts.run.Samples;
import java.util.Optional;

/** How one chart line is obtained from a {@code samples.csv} column. */
public record SeriesSource(String column, String label, Transform transform, CurveSeries.Style style) {

    public static SeriesSource line(String column, String label) {
        return new SeriesSource(column, label, Transform.AS_IS, CurveSeries.Style.LINE);
    }

    public static SeriesSource limit(String column, String label) {
        return new SeriesSource(column, label, Transform.AS_IS, CurveSeries.Style.LIMIT);
    }

    public static SeriesSource nanosAsMillis(String column, String label) {
        return new SeriesSource(column, label, Transform.NANOS_TO_MILLIS, CurveSeries.Style.LINE);
    }

    public static SeriesSource ratePerSecond(String column, String label) {
        return new SeriesSource(column, label, Transform.RATE_PER_WALL_SECOND, CurveSeries.Style.LINE);
    }

    public enum Transform {
        AS_IS,
        NANOS_TO_MILLIS,
        /** A cumulative counter turned into its increase per wall-clock second between consecutive rows. */
        RATE_PER_WALL_SECOND
    }

    /** The line, or empty when the column is absent or holds no value. */
    public Optional<CurveSeries> from(Samples samples) {
        if (!samples.hasValues(column)) {
            return Optional.empty();
        }
        double[] raw = samples.column(column).orElseThrow();
        double[] values = switch (transform) {
            case AS_IS -> raw;
            case NANOS_TO_MILLIS -> scaled(raw, 1e-6);
            case RATE_PER_WALL_SECOND -> CounterRate.perWallSecond(samples.tsMs(), raw);
        };
        return Optional.of(new CurveSeries(label, column, samples.tsMs(), values, style));
    }

    private static double[] scaled(double[] raw, double factor) {
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = raw[i] * factor;
        }
        return out;
    }
}
