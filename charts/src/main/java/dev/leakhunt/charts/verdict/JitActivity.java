package dev.leakhunt.charts.verdict;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * When the target's JIT compilers settled, from the cumulative {@code jit_compile_seconds} column.
 * <p>
 * While a JVM compiles, its native memory grows with the compilations: the code cache, the compiler arenas that
 * malloc keeps, the method profiles in metaspace. That lasts minutes whatever the load's acceleration — the lab
 * target at 400 req/s still compiled 1 % of a core in its fifth minute, its RSS climbing 100 MB/h meanwhile, and
 * a 150 s control at 600 req/s called RSS and metaspace leaks. So the {@link #JIT_DRIVEN} series are judged only
 * on the samples after the JIT settled: the first time from which it compiled less than
 * {@link #SETTLED_CORE_FRACTION} of one core over the following {@link #WINDOW_MS}. Until then they are
 * inconclusive. A JVM whose compile time is unknown (no such column, an interpreter-only JVM) is judged as before.
 *
 * @param measured     the run has compile times
 * @param settledMs    when the JIT settled, empty while it still compiles (or when not measured)
 * @param latestCores  the compile rate in cores over the last window, NaN when not measured
 */
record JitActivity(boolean measured, OptionalLong settledMs, double latestCores) {

    static final String COLUMN = "jit_compile_seconds";
    /** Series whose growth follows compilation: judged from the time the JIT settled. */
    static final Set<String> JIT_DRIVEN = Set.of("rss_bytes", "nmt_committed_bytes", "metaspace_used_bytes");
    static final double SETTLED_CORE_FRACTION = 0.02;
    static final long WINDOW_MS = 60_000;

    static final JitActivity UNKNOWN = new JitActivity(false, OptionalLong.empty(), Double.NaN);

    /**
     * @param tsMs            row times, ascending
     * @param compileSeconds  the cumulative compile time per row, NaN where unknown
     */
    static JitActivity of(long[] tsMs, double[] compileSeconds) {
        int first = nextValid(compileSeconds, 0);
        if (first == compileSeconds.length) {
            return UNKNOWN;
        }
        double latest = Double.NaN;
        int end = first;
        for (int start = first; start < compileSeconds.length; start = nextValid(compileSeconds, start + 1)) {
            while (end < compileSeconds.length && (Double.isNaN(compileSeconds[end])
                    || tsMs[end] - tsMs[start] < WINDOW_MS)) {
                end++;
            }
            if (end == compileSeconds.length) {
                break;
            }
            double compiled = compileSeconds[end] - compileSeconds[start];
            if (compiled < 0) {
                continue; // the target restarted inside the window: its counter began again
            }
            latest = compiled * 1000 / (tsMs[end] - tsMs[start]);
            if (latest < SETTLED_CORE_FRACTION) {
                return new JitActivity(true, OptionalLong.of(tsMs[start]), latest);
            }
        }
        return new JitActivity(true, OptionalLong.empty(), latest);
    }

    /** The JIT's compilation is measured and has not settled yet. */
    boolean compiling() {
        return measured && settledMs.isEmpty();
    }

    /** The series waits for the JIT: it grows with compilation, which is measured and has not settled yet. */
    boolean stillWarming(String series) {
        return compiling() && JIT_DRIVEN.contains(series);
    }

    /** The warm-up hint of a series, from the run's first row: the run's own, or until the JIT settled if later. */
    long warmupHintMs(String series, long runHintMs, long firstRowMs) {
        if (!JIT_DRIVEN.contains(series) || settledMs.isEmpty()) {
            return runHintMs;
        }
        return Math.max(runHintMs, settledMs.getAsLong() - firstRowMs);
    }

    String stillWarmingReason() {
        return stillCompiling() + ": this memory grows with compilation until then";
    }

    /** E.g. "the JIT still compiles (5.0 % of a core over the last minute; settled below 2 %)". */
    String stillCompiling() {
        String rate = Double.isNaN(latestCores) ? "for less than a minute so far"
                : String.format(Locale.ROOT, "%.1f %% of a core over the last minute", latestCores * 100);
        return String.format(Locale.ROOT, "the JIT still compiles (%s; settled below %.0f %%)", rate,
                SETTLED_CORE_FRACTION * 100);
    }

    private static int nextValid(double[] values, int from) {
        int i = from;
        while (i < values.length && Double.isNaN(values[i])) {
            i++;
        }
        return i;
    }
}
