package dev.leakhunt.charts.findings;

import static dev.leakhunt.charts.findings.Findings.bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The same load waves on a JVM with its defaults and on one that uncommits the heap G1 no longer needs (periodic
 * GC) and trims the C allocator: RSS, committed heap and the JVM's native memory at the end of each load phase and
 * of each idle phase after it. Memory handed back shows as an idle phase below the load phase before it.
 */
final class ReturningMemoryFindings {
    private static final List<String> COLUMNS = List.of("rss_bytes", "heap_committed_bytes", "nmt_committed_bytes");

    private ReturningMemoryFindings() {
    }

    static String text(List<ExperimentRun> runs) {
        StringBuilder out = new StringBuilder("returning-memory: load waves; each value at the end of a load phase /"
                + " of the idle phase after it\n");
        List<Double> lastIdleRss = new ArrayList<>();
        for (ExperimentRun run : runs) {
            List<Long> phaseEnds = phaseEnds(run);
            out.append(String.format("%s (%d phases):%n", run.label(), phaseEnds.size()));
            for (String column : COLUMNS) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i + 1 < phaseEnds.size(); i += 2) {
                    values.add(bytes(run.last(column, phaseEnds.get(i)).orElse(Double.NaN)) + " / "
                            + bytes(run.last(column, phaseEnds.get(i + 1)).orElse(Double.NaN)));
                }
                out.append(String.format("  %-21s %s%n", column, String.join(", ", values)));
            }
            int lastIdle = phaseEnds.size() % 2 == 0 ? phaseEnds.size() - 1 : phaseEnds.size() - 2;
            lastIdleRss.add(lastIdle < 0 ? Double.NaN : run.last("rss_bytes", phaseEnds.get(lastIdle)).orElse(Double.NaN));
            out.append(String.format("  GC cycles during idle phases: %s%n", idleCycles(run, phaseEnds)));
        }
        out.append(String.format("RSS at the end of the last idle phase: %s%n", runs.stream()
                .map(run -> run.label() + " " + bytes(lastIdleRss.get(runs.indexOf(run))))
                .collect(Collectors.joining(", "))));
        return out.toString();
    }

    /** The ends of the load and idle phases within the run, from the wave lengths manifest.json records. */
    private static List<Long> phaseEnds(ExperimentRun run) {
        long onMs = 1000 * run.parameter("wave_on_s").asLong(0);
        long offMs = 1000 * run.parameter("wave_off_s").asLong(0);
        if (onMs <= 0 || offMs <= 0) {
            throw new IllegalArgumentException(run.folder().dir() + " ran without load waves (parameters.wave_on_s,"
                    + " wave_off_s): returning-memory compares load and idle phases");
        }
        List<Long> ends = new ArrayList<>();
        long t = run.loadStartMs();
        for (int i = 0; t + (i % 2 == 0 ? onMs : offMs) <= run.endMs(); i++) {
            t += i % 2 == 0 ? onMs : offMs;
            ends.add(t);
        }
        return ends;
    }

    private static String idleCycles(ExperimentRun run, List<Long> phaseEnds) {
        List<String> cycles = new ArrayList<>();
        for (int i = 1; i < phaseEnds.size(); i += 2) {
            double before = run.last("gc_cycles", phaseEnds.get(i - 1)).orElse(Double.NaN);
            double after = run.last("gc_cycles", phaseEnds.get(i)).orElse(Double.NaN);
            cycles.add(dev.leakhunt.charts.report.Quantities.number(after - before));
        }
        return String.join(", ", cycles);
    }
}
