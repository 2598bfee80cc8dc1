package dev.leakhunt.charts.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The seed's SLO table (§5) for the JVM (design.md §5), each row checked by one method with its threshold as a
 * named constant. Pure: series and their verdicts in, rows out.
 */
public final class SloChecker {

    /** Threads "bounded, returns to baseline ±5 %": no block level further than this from the run's level. */
    public static final double THREADS_BAND = 0.05;
    /** Live heap "sawtooth around a flat mean; mean drift &lt; 5 % over the run". */
    public static final double LIVE_HEAP_MAX_DRIFT = 0.05;
    /** "p99 pause &lt; 5 ms". */
    public static final double GC_PAUSE_P99_LIMIT_MS = 5;
    /** Request latency "p99 at hour 12 within 10 % of p99 at hour 1". */
    public static final double REQUEST_P99_MAX_DRIFT = 0.10;

    private static final double NS_PER_MS = 1e6;

    private SloChecker() {
    }

    /**
     * @param columns             {@code samples.csv} columns and the derived rates, by name
     * @param verdicts            the verdict of each judged series, by the same names
     * @param requestP99StartMs   request p99 over the first window of the run (exact, from Gatling's log); NaN
     *                            when there is no log
     * @param requestP99EndMs     the same over the last window
     */
    public static List<SloResult> check(double[] tMs, Map<String, double[]> columns,
                                        Map<String, SeriesVerdict> verdicts, double requestP99StartMs,
                                        double requestP99EndMs) {
        List<SloResult> rows = new ArrayList<>();
        rows.add(threadsBounded(tMs, columns.get("threads"), verdicts.get("threads")));
        rows.add(liveHeapDrift(verdicts.get("heap_live_bytes")));
        rows.add(gcPauseP99(columns.get("gc_pause_p99_ns")));
        rows.add(notRising("GC pause p99 not rising", verdicts.get("gc_pause_p99_ns")));
        rows.add(requestP99Drift(requestP99StartMs, requestP99EndMs));
        rows.add(notRising("open fds flat", verdicts.get("open_fds")));
        rows.add(rssPlateau(verdicts.get("rss_bytes")));
        rows.add(notRising("GC CPU fraction flat", verdicts.get(RunVerdicts.rateName("gc_cpu_seconds"))));
        rows.add(notRising("GC cycles per minute steady", verdicts.get(RunVerdicts.rateName("gc_cycles"))));
        return rows;
    }

    /** The largest distance of a block's level from the window's level, as a share of the level. */
    static SloResult threadsBounded(double[] tMs, double[] threads, SeriesVerdict verdict) {
        String name = "threads bounded ±5 %";
        if (threads == null || !decided(verdict) || !(verdict.level() > 0)) {
            return notEvaluated(name, THREADS_BAND, verdict);
        }
        Blocks blocks = Blocks.of(tMs, threads, verdict.windowStartMs(), verdict.windowEndMs(),
                VerdictEngine.MAX_BLOCKS, VerdictEngine.MIN_SAMPLES_PER_BLOCK, BlockLevel.MEDIAN);
        double worst = 0;
        for (double level : blocks.levels()) {
            worst = Math.max(worst, Math.abs(level - verdict.level()) / verdict.level());
        }
        boolean pass = worst <= THREADS_BAND && verdict.verdict() != Verdict.LEAK;
        return new SloResult(name, pass, worst, THREADS_BAND, format("block levels within %.1f %% of %.0f; %s",
                100 * worst, verdict.level(), verdict.verdict().jsonName()));
    }

    /** The Theil–Sen line's change over the evidence window, as a share of the level. */
    static SloResult liveHeapDrift(SeriesVerdict verdict) {
        String name = "live heap mean drift < 5 %";
        if (!decided(verdict)) {
            return notEvaluated(name, LIVE_HEAP_MAX_DRIFT, verdict);
        }
        double hours = verdict.windowHours();
        double drift = verdict.windowRise() / verdict.level();
        return new SloResult(name, Math.abs(drift) < LIVE_HEAP_MAX_DRIFT, drift, LIVE_HEAP_MAX_DRIFT,
                format("%+.4g bytes/h over %.2f h after warm-up, level %.4g bytes", verdict.slopePerHour(), hours,
                        verdict.level()));
    }

    /**
     * The largest per-interval p99 pause. It bounds the run's p99 from above: each interval has at most 1 % of
     * its pauses above its own p99, so at most 1 % of all pauses exceed the largest one. Passing is exact; a
     * failure could hide a run-wide p99 just under the limit.
     */
    static SloResult gcPauseP99(double[] p99Ns) {
        String name = "GC pause p99 < 5 ms";
        double worstNs = Double.NaN;
        if (p99Ns != null) {
            for (double v : p99Ns) {
                if (!Double.isNaN(v) && (Double.isNaN(worstNs) || v > worstNs)) {
                    worstNs = v;
                }
            }
        }
        if (Double.isNaN(worstNs)) {
            return SloResult.notEvaluated(name, GC_PAUSE_P99_LIMIT_MS, "no gc_pause_p99_ns values");
        }
        double worstMs = worstNs / NS_PER_MS;
        return new SloResult(name, worstMs < GC_PAUSE_P99_LIMIT_MS, worstMs, GC_PAUSE_P99_LIMIT_MS,
                format("largest per-interval p99 %.3f ms, an upper bound of the run's p99", worstMs));
    }

    /** The relative change of the exact request p99 from the run's first window to its last. */
    static SloResult requestP99Drift(double startP99Ms, double endP99Ms) {
        String name = "request p99 at the end within 10 % of the start";
        if (Double.isNaN(startP99Ms) || Double.isNaN(endP99Ms) || startP99Ms <= 0) {
            return SloResult.notEvaluated(name, REQUEST_P99_MAX_DRIFT, "no request latency from simulation.log");
        }
        double drift = (endP99Ms - startP99Ms) / startP99Ms;
        return new SloResult(name, drift <= REQUEST_P99_MAX_DRIFT, drift, REQUEST_P99_MAX_DRIFT,
                format("p99 %.0f ms in the first window, %.0f ms in the last", startP99Ms, endP99Ms));
    }

    static SloResult rssPlateau(SeriesVerdict verdict) {
        String name = "RSS plateaus after warm-up";
        if (!decided(verdict)) {
            return notEvaluated(name, Double.NaN, verdict);
        }
        boolean pass = verdict.verdict() == Verdict.FLAT || verdict.verdict() == Verdict.PLATEAU;
        return new SloResult(name, pass, verdict.slopePerHour(), Double.NaN,
                format("%s, %+.4g bytes/h after warm-up", verdict.verdict().jsonName(), verdict.slopePerHour()));
    }

    /** Rows that ask for "flat", "steady", "not trending up": the verdict must not be a leak. */
    static SloResult notRising(String name, SeriesVerdict verdict) {
        if (!decided(verdict)) {
            return notEvaluated(name, Double.NaN, verdict);
        }
        return new SloResult(name, verdict.verdict() != Verdict.LEAK, verdict.slopePerHour(), Double.NaN,
                format("%s, %+.4g %s/h", verdict.verdict().jsonName(), verdict.slopePerHour(), verdict.unit()));
    }

    private static boolean decided(SeriesVerdict verdict) {
        return verdict != null && verdict.verdict() != Verdict.INCONCLUSIVE;
    }

    private static SloResult notEvaluated(String name, double limit, SeriesVerdict verdict) {
        return SloResult.notEvaluated(name, limit, verdict == null ? "the column is missing or empty"
                : verdict.reason());
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
