package dev.leakhunt.charts.report;

import dev.leakhunt.charts.verdict.SeriesVerdict;
import dev.leakhunt.charts.verdict.Verdict;
import java.util.Locale;

/** A verdict's numbers in the series' own unit, readable: {@code +38.2 MiB/h}, {@code +12/h}, {@code 31 h}. */
public final class VerdictText {

    private static final String BYTES = "bytes";
    private static final String NANOS = "ns";
    private static final String COUNT = "count";
    /** CPU seconds per wall second: cores kept busy. */
    private static final String CPU_RATE = "s/s";

    private VerdictText() {
    }

    public static String perHour(double value, String unit) {
        if (Double.isNaN(value)) {
            return "–";
        }
        String sign = value > 0 ? "+" : "";
        if (unit.startsWith(BYTES)) {
            return sign + Quantities.bytes(value) + unit.substring(BYTES.length()) + "/h";
        }
        if (unit.equals(NANOS)) {
            return sign + Quantities.number(value / 1e6) + " ms/h";
        }
        if (unit.equals(CPU_RATE)) {
            return sign + Quantities.number(value) + " cores/h";
        }
        if (unit.equals(COUNT)) {
            return sign + Quantities.number(value) + "/h";
        }
        return sign + Quantities.number(value) + " " + unit + "/h";
    }

    static String ci(SeriesVerdict v) {
        if (Double.isNaN(v.ciLowPerHour()) || Double.isNaN(v.ciHighPerHour())) {
            return "–";
        }
        return perHour(v.ciLowPerHour(), v.unit()) + " … " + perHour(v.ciHighPerHour(), v.unit());
    }

    static String hours(double hours) {
        if (Double.isNaN(hours)) {
            return "–";
        }
        return hours >= 48 ? String.format(Locale.ROOT, "%.0f h (%.1f days)", hours, hours / 24)
                : String.format(Locale.ROOT, "%.1f h", hours);
    }

    /** One line for a chart's subtitle: the lead series' verdict and its slope. */
    static String summary(String label, SeriesVerdict v) {
        StringBuilder text = new StringBuilder(label).append(": ").append(v.verdict().jsonName());
        if (!Double.isNaN(v.slopePerHour())) {
            text.append(' ').append(perHour(v.slopePerHour(), v.unit())).append(" (95% CI ").append(ci(v)).append(')');
        }
        if (!Double.isNaN(v.hoursToLimit())) {
            text.append(" · limit in ").append(hours(v.hoursToLimit()));
        }
        if (v.verdict() == Verdict.INCONCLUSIVE) {
            text.append(" (").append(v.reason()).append(')');
        }
        return text.toString();
    }
}
