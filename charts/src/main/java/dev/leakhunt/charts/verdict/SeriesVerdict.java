package dev.leakhunt.charts.verdict;

/**
 * The verdict on one series and the numbers behind it. Slopes are in the series' unit per hour, measured by
 * Theil–Sen on the block levels of the evidence window {@code [windowStartMs, windowEndMs]}; the window starts where
 * warm-up ends. Values that do not apply are NaN (slope of an inconclusive series, hours to an unknown limit).
 *
 * @param level           median of the window's samples, the yardstick of the relative slope floor
 * @param trendPValue     two-sided Mann–Kendall p-value on the block levels, autocorrelation-corrected
 * @param hoursToLimit    for a leak with a known limit: hours from the window end until the fitted line reaches it
 * @param reason          one line naming the rule that decided, with its numbers
 */
public record SeriesVerdict(Verdict verdict, double slopePerHour, double ciLowPerHour, double ciHighPerHour,
                            String unit, double hoursToLimit, long windowStartMs, long windowEndMs,
                            double level, double trendPValue, String reason) {

    /** Hours from the evidence window's start to its end. */
    double windowHours() {
        return (windowEndMs - windowStartMs) / Units.MS_PER_HOUR;
    }

    /** The fitted line's rise over the evidence window, in the series' unit. */
    double windowRise() {
        return slopePerHour * windowHours();
    }

    /** The same numbers under another verdict, for a rule that looks beyond this series. */
    SeriesVerdict withVerdict(Verdict other, String otherReason) {
        return new SeriesVerdict(other, slopePerHour, ciLowPerHour, ciHighPerHour, unit,
                other == Verdict.LEAK ? hoursToLimit : Double.NaN, windowStartMs, windowEndMs, level, trendPValue,
                otherReason);
    }
}
