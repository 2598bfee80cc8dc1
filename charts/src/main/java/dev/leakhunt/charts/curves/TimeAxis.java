package dev.leakhunt.charts.curves;

/**
 * The horizontal axis: time since the run started, in minutes for runs up to three hours and in hours beyond,
 * so ticks read "90" rather than "5400" and "18" rather than "1080".
 */
public record TimeAxis(long startMs, long endMs) {

    private static final long MINUTE_MS = 60_000;
    private static final long HOUR_MS = 3_600_000;
    private static final long MINUTES_UP_TO_MS = 3 * HOUR_MS;

    public TimeAxis {
        endMs = Math.max(endMs, startMs + MINUTE_MS);
    }

    private long unitMs() {
        return endMs - startMs > MINUTES_UP_TO_MS ? HOUR_MS : MINUTE_MS;
    }

    public double at(long tsMs) {
        return (tsMs - startMs) / (double) unitMs();
    }

    public double end() {
        return at(endMs);
    }

    public String label() {
        return unitMs() == HOUR_MS ? "time since start (h)" : "time since start (min)";
    }
}
