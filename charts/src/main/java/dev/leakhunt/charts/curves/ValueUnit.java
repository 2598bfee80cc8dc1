package dev.leakhunt.charts.curves;

/** The unit of a chart's left axis; bytes pick a binary prefix from the largest value so ticks stay short. */
public enum ValueUnit {
    COUNT("count"),
    BYTES("bytes"),
    MILLISECONDS("ms"),
    CORES("cores busy"),
    PER_SECOND("per s");

    private static final String[] BINARY_PREFIXES = {"bytes", "KiB", "MiB", "GiB", "TiB"};

    private final String label;

    ValueUnit(String label) {
        this.label = label;
    }

    /** How to print values whose largest is {@code maxValue}: divide by {@link AxisScale#divisor()}. */
    public AxisScale scaleFor(double maxValue) {
        if (this != BYTES) {
            return new AxisScale(1, label);
        }
        int prefix = 0;
        double divisor = 1;
        while (prefix < BINARY_PREFIXES.length - 1 && maxValue / divisor >= 1024 * 2) {
            divisor *= 1024;
            prefix++;
        }
        return new AxisScale(divisor, BINARY_PREFIXES[prefix]);
    }

    public record AxisScale(double divisor, String unitLabel) {
    }
}
