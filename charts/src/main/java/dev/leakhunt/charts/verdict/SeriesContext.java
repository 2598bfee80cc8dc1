package dev.leakhunt.charts.verdict;

/**
 * What is known about a series besides its samples.
 *
 * @param unit          the series' unit as in formats.md ({@code bytes}, {@code count}, …), carried into verdicts
 * @param limit         the value at which the process fails (heap max, fd limit, cgroup limit), NaN when unknown
 * @param warmupHintMs  how long warm-up lasts at least, from the first time given (for a run: its first
 *                      {@code samples.csv} row), when the caller knows it — e.g. the time until the load started
 *                      plus the cache's fill time; the engine still looks for a warm-up knee after it. Negative
 *                      means unknown: warm-up is then only detected.
 * @param timeScale     how much faster than real time the run's clock-driven behaviour goes (a soak's ACCEL:
 *                      the arrival rate multiplied, the target's time constants divided); 1 is real time. The
 *                      engine's wall-clock constants follow it (see {@link VerdictEngine}).
 * @param blockLevel    how a block of samples is reduced to its level: the median, unless the series is a lower
 *                      envelope (the live heap)
 */
public record SeriesContext(String unit, double limit, long warmupHintMs, double timeScale, BlockLevel blockLevel) {

    public static final double REAL_TIME = 1;

    public SeriesContext(String unit, double limit, long warmupHintMs, double timeScale) {
        this(unit, limit, warmupHintMs, timeScale, BlockLevel.MEDIAN);
    }

    public SeriesContext {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("time scale must be a positive number, was " + timeScale);
        }
    }

    public static SeriesContext of(String unit) {
        return new SeriesContext(unit, Double.NaN, -1, REAL_TIME);
    }

    public SeriesContext withLimit(double value) {
        return new SeriesContext(unit, value, warmupHintMs, timeScale, blockLevel);
    }

    public SeriesContext withWarmupHint(long ms) {
        return new SeriesContext(unit, limit, ms, timeScale, blockLevel);
    }

    public SeriesContext withTimeScale(double scale) {
        return new SeriesContext(unit, limit, warmupHintMs, scale, blockLevel);
    }

    public SeriesContext withBlockLevel(BlockLevel level) {
        return new SeriesContext(unit, limit, warmupHintMs, timeScale, level);
    }

    public boolean hasLimit() {
        return !Double.isNaN(limit);
    }
}
