package dev.leakhunt.charts.findings;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import dev.leakhunt.charts.report.Quantities;
import java.util.stream.Stream;

/**
 * The headline numbers of one experiment of src/docs/experiments/, read from its soaks' run folders in the order
 * the experiment runs them (simulations/…/experiment/Experiment.java).
 */
interface Findings {

    List<Findings> ALL = List.of(new MemoryLimitFindings(), new GcGrowingHeapFindings(), new CacheVsLeakFindings(),
            new FdExhaustionFindings(), new FixAndFlattenFindings(), new ReturningMemoryFindings());

    /** The experiment's name, as {@code make experiment-<name>} has it. */
    String id();

    /** What each run must be, in order, e.g. {@code [map, fixed]}. */
    List<String> runs();

    /** The numbers, one finding a line. */
    String text(List<ExperimentRun> runs) throws IOException;

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
