package dev.leakhunt.charts.verdict;

import dev.leakhunt.charts.gatling.LatencyTimeline;
import dev.leakhunt.charts.run.Samples;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verdicts for every series of a run ({@link RunSeries}) plus its SLO table — what {@code verdicts.json} holds
 * before localization adds the leaks. In memory only: the caller reads the files.
 */
public final class RunVerdicts {

    static final String RATE_SUFFIX = "_per_s";
    /** The run's first and last windows compared by the request-p99 SLO row ("hour 1" and "hour 12"). */
    static final long REQUEST_WINDOW_MS = 3_600_000;
    /** On a run shorter than four request windows, each window is a quarter of the run. */
    static final int MIN_REQUEST_WINDOWS_PER_RUN = 4;

    private RunVerdicts() {
    }

    /**
     * @param run      what the run states besides its samples ({@link RunContext#of}); without a warm-up hint, a
     *                 run no longer than its warm-up can look like a leak
     * @param latency  request latency from Gatling's log, or null when the run has none
     */
    public static Verdicts judge(Samples samples, RunContext run, LatencyTimeline latency) {
        return judge(RunSeries.of(samples, run), latency);
    }

    public static Verdicts judge(RunSeries series, LatencyTimeline latency) {
        Map<String, SeriesVerdict> verdicts = new LinkedHashMap<>();
        for (String name : series.names()) {
            verdicts.put(name, series.judge(name));
        }
        double[] requestP99 = requestP99StartAndEnd(latency);
        List<SloResult> slo = SloChecker.check(series.tMs(), series.values(), verdicts, requestP99[0],
                requestP99[1]);
        return new Verdicts(verdicts, List.of(), slo);
    }

    /** The key a cumulative column's rate is judged under. */
    public static String rateName(String cumulativeColumn) {
        return cumulativeColumn + RATE_SUFFIX;
    }

    private static double[] requestP99StartAndEnd(LatencyTimeline latency) {
        if (latency == null || latency.intervals().isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        long startMs = latency.intervals().getFirst().startMs();
        long endMs = latency.intervals().getLast().endMs();
        long windowMs = Math.min(REQUEST_WINDOW_MS, (endMs - startMs) / MIN_REQUEST_WINDOWS_PER_RUN);
        return new double[] {latency.statsBetween(startMs, startMs + windowMs).p99Ms(),
                latency.statsBetween(endMs - windowMs, endMs).p99Ms()};
    }
}
