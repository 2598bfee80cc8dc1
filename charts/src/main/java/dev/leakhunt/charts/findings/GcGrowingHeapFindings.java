package dev.leakhunt.charts.findings;

import static dev.leakhunt.charts.findings.Findings.bytes;
import static dev.leakhunt.charts.findings.Findings.ms;
import static dev.leakhunt.charts.findings.Findings.percent;

import dev.leakhunt.charts.report.Quantities;
import java.util.List;

/**
 * The GC's work as the live heap grows: pause p99, GC CPU and GC cycles over the first two minutes after warm-up
 * against the last two, with their verdicts, for the map leak and for its fix on the same heap.
 */
final class GcGrowingHeapFindings {
    private static final long SPAN_MS = 120_000;

    private GcGrowingHeapFindings() {
    }

    static String text(List<ExperimentRun> runs) {
        StringBuilder out = new StringBuilder("gc-growing-heap: the GC under a growing live heap, and with the leak fixed"
                + " (first 2 min after warm-up -> last 2 min)\n");
        for (ExperimentRun run : runs) {
            long first = run.warmupEndMs();
            long last = run.endMs() - SPAN_MS;
            long end = run.endMs() + 1;
            out.append(String.format("%s: live heap %s -> %s of %s (%s)%n", run.label(),
                    bytes(run.min("heap_live_bytes", first, first + SPAN_MS).orElse(Double.NaN)),
                    bytes(run.min("heap_live_bytes", last, end).orElse(Double.NaN)),
                    bytes(run.max("heap_max_bytes", first, end).orElse(Double.NaN)), run.verdictText("heap_live_bytes")));
            out.append(String.format("  GC pause p99 %s -> %s (%s); largest pause %s -> %s%n",
                    ms(run.median("gc_pause_p99_ns", first, first + SPAN_MS).orElse(Double.NaN)),
                    ms(run.median("gc_pause_p99_ns", last, end).orElse(Double.NaN)), run.verdictText("gc_pause_p99_ns"),
                    ms(run.max("gc_pause_max_ns", first, first + SPAN_MS).orElse(Double.NaN)),
                    ms(run.max("gc_pause_max_ns", last, end).orElse(Double.NaN))));
            out.append(String.format("  GC CPU %s -> %s of a core (%s); GC cycles %s -> %s a minute (%s)%n",
                    percent(run.perSecond("gc_cpu_seconds", first, first + SPAN_MS).orElse(Double.NaN)),
                    percent(run.perSecond("gc_cpu_seconds", last, end).orElse(Double.NaN)),
                    run.verdictText("gc_cpu_seconds_per_s"),
                    Quantities.number(60 * run.perSecond("gc_cycles", first, first + SPAN_MS).orElse(Double.NaN)),
                    Quantities.number(60 * run.perSecond("gc_cycles", last, end).orElse(Double.NaN)),
                    run.verdictText("gc_cycles_per_s")));
            out.append(String.format("  request p99 %s (%s)%n",
                    run.verdict("req_p99_ms").map(v -> Quantities.number(v.level()) + " ms").orElse("–"),
                    run.verdictText("req_p99_ms")));
        }
        return out.toString();
    }
}
