package dev.leakhunt.charts.findings;

import dev.leakhunt.charts.report.Quantities;
import java.util.List;

/**
 * A warming cache against a leak, side by side: the cache fills and stops at its bound while it evicts, in both
 * runs; the live heap plateaus with it in the fixed run and keeps rising in the leaking one, whose heap diff after
 * warm-up names the site the cache's does not have.
 */
final class CacheVsLeakFindings {
    /** Caffeine overshoots its bound by a few entries before the eviction catches up: full is within 1 % of it. */
    private static final double FULL = 0.99;

    private CacheVsLeakFindings() {
    }

    static String text(List<ExperimentRun> runs) {
        StringBuilder out = new StringBuilder("cache-vs-leak: a bounded cache warming up, and a request-keyed map\n");
        for (ExperimentRun run : runs) {
            double capacity = run.max("cache_size", run.loadStartMs(), run.endMs() + 1).orElse(Double.NaN);
            out.append(String.format("%s: cache full (%s entries at most) at %s, %s; evictions %s/s at the end, %s in all%n",
                    run.label(), Quantities.number(capacity),
                    run.firstReaching("cache_size", FULL * capacity).stream().mapToObj(run::sinceLoad).findFirst()
                            .orElse("–"),
                    run.verdictText("cache_size"),
                    Quantities.number(run.perSecond("cache_evictions_total", run.endMs() - 60_000, run.endMs() + 1)
                            .orElse(Double.NaN)),
                    Quantities.number(run.last("cache_evictions_total", run.endMs()).orElse(Double.NaN))));
            out.append(String.format("  live heap %s; warm-up ended %s%n", run.verdictText("heap_live_bytes"),
                    run.sinceLoad(run.warmupEndMs())));
            out.append("  ").append(HeapDiffSummary.line(run)).append('\n');
        }
        return out.toString();
    }
}
