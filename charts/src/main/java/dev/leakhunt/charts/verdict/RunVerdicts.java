package dev.leakhunt.charts.verdict;

import dev.leakhunt.charts.curves.CounterRate;
import dev.leakhunt.charts.gatling.LatencyTimeline;
import dev.leakhunt.charts.run.Samples;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verdicts for every column of a run's {@code samples.csv} plus its SLO table — what {@code verdicts.json} holds
 * before localization adds the leaks. In memory only: the caller reads the files.
 *
 * <p>Cumulative counters ({@code *_total}, {@code gc_cycles}, {@code *_cpu_seconds}) always rise while the
 * target lives, so their rate per wall-clock second is judged instead, under {@code <column>_per_s}
 * ({@code gc_cpu_seconds_per_s} is the GC CPU fraction of one core). Limit columns are not resources and are
 * not judged; they give the limit of the series they bound.
 */
public final class RunVerdicts {

    static final String RATE_SUFFIX = "_per_s";
    /** The run's first and last windows compared by the request-p99 SLO row ("hour 1" and "hour 12"). */
    static final long REQUEST_WINDOW_MS = 3_600_000;
    /** On a run shorter than four request windows, each window is a quarter of the run. */
    static final int MIN_REQUEST_WINDOWS_PER_RUN = 4;

    private static final Set<String> LIMIT_COLUMNS = Set.of("heap_max_bytes", "fd_limit");
    private static final Set<String> HEAP_COLUMNS = Set.of("heap_live_bytes", "heap_used_bytes",
            "heap_committed_bytes");
    private static final Set<String> MEMORY_COLUMNS = Set.of("rss_bytes", "nmt_committed_bytes");

    private RunVerdicts() {
    }

    /**
     * @param memoryLimitBytes  the target's memory (cgroup) limit, the limit of RSS; NaN when unknown
     * @param warmupHintMs      the least warm-up from the first row when known (the load start, plus the
     *                          service's known warm-up, e.g. the lab cache's 20 min / accel), else negative; a knee
     *                          found after it extends it per series. Without it, a run no longer than its warm-up
     *                          can look like a leak.
     * @param latency           request latency from Gatling's log, or null when the run has none
     */
    public static Verdicts judge(Samples samples, double memoryLimitBytes, long warmupHintMs,
                                 LatencyTimeline latency) {
        long[] ts = samples.tsMs();
        double[] tMs = new double[ts.length];
        for (int i = 0; i < ts.length; i++) {
            tMs[i] = ts[i];
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (String column : samples.columnNames()) {
            if (LIMIT_COLUMNS.contains(column)) {
                continue;
            }
            double[] values = samples.column(column).orElseThrow();
            if (isCumulative(column)) {
                series.put(rateName(column), CounterRate.perWallSecond(ts, values));
                units.put(rateName(column), unitOf(column) + "/s");
            } else {
                series.put(column, values);
                units.put(column, unitOf(column));
            }
        }
        double heapMax = lastValue(samples, "heap_max_bytes");
        double fdLimit = lastValue(samples, "fd_limit");
        Map<String, SeriesVerdict> verdicts = new LinkedHashMap<>();
        series.forEach((name, values) -> {
            double limit = HEAP_COLUMNS.contains(name) ? heapMax
                    : MEMORY_COLUMNS.contains(name) ? memoryLimitBytes
                    : isFdColumn(name) ? fdLimit : Double.NaN;
            SeriesContext context = new SeriesContext(units.get(name), limit, warmupHintMs);
            verdicts.put(name, VerdictEngine.judge(tMs, values, context));
        });
        double[] requestP99 = requestP99StartAndEnd(latency);
        List<SloResult> slo = SloChecker.check(tMs, series, verdicts, requestP99[0], requestP99[1]);
        return new Verdicts(verdicts, List.of(), slo);
    }

    /** The key a cumulative column's rate is judged under. */
    public static String rateName(String cumulativeColumn) {
        return cumulativeColumn + RATE_SUFFIX;
    }

    static boolean isCumulative(String column) {
        return column.endsWith("_total") || column.equals("gc_cycles") || column.endsWith("_cpu_seconds");
    }

    /** The unit of a {@code samples.csv} column, from its name's suffix as formats.md spells the columns. */
    static String unitOf(String name) {
        if (name.endsWith("_seconds")) {
            return "s";
        }
        if (name.endsWith("_bytes")) {
            return "bytes";
        }
        if (name.endsWith("_ns")) {
            return "ns";
        }
        if (name.endsWith("_ms")) {
            return "ms";
        }
        return name.endsWith("_per_s") ? "1/s" : "count";
    }

    private static boolean isFdColumn(String name) {
        return name.equals("open_fds") || name.startsWith("fds_") || name.startsWith("sockets_");
    }

    private static double lastValue(Samples samples, String column) {
        double[] values = samples.column(column).orElse(new double[0]);
        for (int i = values.length - 1; i >= 0; i--) {
            if (!Double.isNaN(values[i])) {
                return values[i];
            }
        }
        return Double.NaN;
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
