package dev.leakhunt.charts.findings;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import dev.leakhunt.charts.report.Quantities;

/**
 * The headline numbers of one experiment of src/docs/experiments/, read from its soaks' run folders in the order
 * the experiment runs them (simulations/…/experiment/Experiment.java).
 *
 * @param id    the experiment's name, as {@code make experiment-<name>} has it
 * @param runs  what each run must be, in order, e.g. {@code [map, fixed]}
 * @param text  the numbers, one finding a line
 */
record Findings(String id, List<String> runs, Text text) {

    static final List<Findings> ALL = List.of(
            new Findings("memory-limit",
                    List.of("xmx1g", "max-ram-percentage", "max-ram-percentage-50", "zgc-soft-max"),
                    MemoryLimitFindings::text),
            new Findings("gc-growing-heap", List.of("map", "fixed"), GcGrowingHeapFindings::text),
            new Findings("cache-vs-leak", List.of("fixed", "map"), CacheVsLeakFindings::text),
            new Findings("fd-exhaustion", List.of("fd", "fixed"), FdExhaustionFindings::text),
            new Findings("fix-and-flatten", List.of("fixed"), FixAndFlattenFindings::text),
            new Findings("returning-memory", List.of("defaults", "uncommit-and-trim"), ReturningMemoryFindings::text));

    @FunctionalInterface
    interface Text {
        String of(List<ExperimentRun> runs) throws IOException;
    }

    static Findings of(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown experiment '" + id + "': valid are "
                        + String.join("|", ALL.stream().map(Findings::id).toList())));
    }

    /** {@code 12.3 %}. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    /** Milliseconds from nanoseconds, {@code 4.21 ms}. */
    static String ms(double ns) {
        return Double.isNaN(ns) ? "–" : String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
    }

    /** {@code 37.7 MiB}, or {@code –} for a value not measured. */
    static String bytes(double bytes) {
        return Double.isNaN(bytes) ? "–" : Quantities.bytes(bytes);
    }
}
