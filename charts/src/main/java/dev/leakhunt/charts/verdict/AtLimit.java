package dev.leakhunt.charts.verdict;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A series that climbed to the limit where its process fails and stays there: a leak that has run its course.
 * Its window after warm-up is level — pinned at the limit — so the trend tests call it flat; the fd leak under a
 * 1,024-fd limit reached it 43 s after the load start, before the cache's 2.6 min warm-up ended, and its
 * {@code open_fds} read "flat, 0/h" at 1,020 of 1,024 while the service logged 12,795 "Too many open files".
 * The slope is the climb's: from the series' first value to where it reached the limit; the verdict's window
 * starts with the climb, so the profiles from its start on localize it.
 */
final class AtLimit {
    /** Within 2 % of the limit: a process at its fd limit holds a few fds fewer at times. */
    static final double AT_LIMIT = 0.98;
    /** It must have climbed: a series that starts at its limit (a heap committed in full at start) is configured so. */
    static final double BELOW_LIMIT_AT_START = 0.9;
    private static final int MIN_SAMPLES = 3;

    private AtLimit() {
    }

    /** The leak verdict for a series pinned at its limit through {@code judged}'s window, else empty. */
    static Optional<SeriesVerdict> of(double[] tMs, double[] values, SeriesContext context, SeriesVerdict judged) {
        if (!context.hasLimit() || context.limit() <= 0) {
            return Optional.empty();
        }
        double limit = context.limit();
        double[] window = IntStream.range(0, tMs.length)
                .filter(i -> tMs[i] >= judged.windowStartMs() && !Double.isNaN(values[i]))
                .mapToDouble(i -> values[i]).sorted().toArray();
        int first = firstValid(values);
        if (window.length < MIN_SAMPLES || first < 0 || values[first] >= BELOW_LIMIT_AT_START * limit) {
            return Optional.empty();
        }
        double median = window[(window.length - 1) / 2];
        if (median < AT_LIMIT * limit) {
            return Optional.empty();
        }
        int reached = first;
        while (values[reached] < AT_LIMIT * limit || Double.isNaN(values[reached])) {
            reached++;
        }
        double hours = (tMs[reached] - tMs[first]) / 3_600_000;
        double slope = hours > 0 ? (values[reached] - values[first]) / hours : Double.NaN;
        String unit = judged.unit();
        String reason = String.format(Locale.ROOT, "at its limit: %.4g of %.4g %s (median after warm-up), reached %.0f s"
                + " after its first value, climbing %.4g %s/h; %s", median, limit, unit,
                (tMs[reached] - tMs[first]) / 1000, slope, unit, judged.reason());
        // the climb is the evidence, and where the profiles localize it
        return Optional.of(new SeriesVerdict(Verdict.LEAK, slope, Double.NaN, Double.NaN, unit, 0,
                (long) tMs[first], judged.windowEndMs(), median, judged.trendPValue(), reason));
    }

    private static int firstValid(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                return i;
            }
        }
        return -1;
    }
}
