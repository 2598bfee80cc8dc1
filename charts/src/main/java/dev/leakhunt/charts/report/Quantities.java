package dev.leakhunt.charts.report;

import java.util.Locale;

/** Numbers as a reader wants them: binary-prefixed bytes, signed deltas, durations since the start. */
public final class Quantities {

    private static final String[] PREFIXES = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Quantities() {
    }

    /** e.g. {@code 37.7 MiB}; three significant figures are as many as a leak report can defend. */
    public static String bytes(double bytes) {
        double magnitude = Math.abs(bytes);
        int prefix = 0;
        while (prefix < PREFIXES.length - 1 && magnitude >= 1024) {
            magnitude /= 1024;
            prefix++;
        }
        String sign = bytes < 0 ? "-" : "";
        return prefix == 0
                ? sign + (long) magnitude + " B"
                : sign + String.format(Locale.ROOT, magnitude >= 100 ? "%.0f %s" : "%.1f %s", magnitude, PREFIXES[prefix]);
    }

    public static String signedBytes(long bytes) {
        return (bytes > 0 ? "+" : "") + bytes(bytes);
    }

    public static String signed(long count) {
        return (count > 0 ? "+" : "") + count;
    }

    /**
     * A value with three significant figures: {@code 0.0123}, {@code 4.56}, {@code 1230}; below 0.001 in
     * scientific notation ({@code 3.37e-7}), so a slope that is float noise does not print as a row of zeros.
     */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Math.abs(value) < 1e-3) {
            return String.format(Locale.ROOT, "%.2e", value).replaceFirst("e-0", "e-");
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString();
    }

    /** Time since the run started, e.g. {@code +1h05m} or {@code +12m30s}. */
    public static String sinceStart(long tsMs, long startMs) {
        long s = Math.max(0, (tsMs - startMs) / 1000);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "+%dh%02dm", s / 3600, s / 60 % 60);
        }
        return String.format(Locale.ROOT, "+%dm%02ds", s / 60, s % 60);
    }
}
