package dev.leakhunt.charts.findings;

import static dev.leakhunt.charts.findings.Findings.bytes;

import dev.leakhunt.charts.localize.NativeMemory;
import dev.leakhunt.charts.localize.Tally;
import dev.leakhunt.charts.report.Quantities;
import dev.leakhunt.charts.run.ProfileCapture;
import dev.leakhunt.charts.verdict.SeriesVerdict;
import dev.leakhunt.charts.verdict.Verdict;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The long clean run: every verdict, RSS and the live heap side by side over the first and the last ten minutes
 * after warm-up, the gap between them split by Native Memory Tracking at the last capture, and the heap diff
 * from the first capture after warm-up to the last.
 */
final class FixAndFlattenFindings {
    private static final long SPAN_MS = 600_000;
    private static final int CATEGORIES = 6;
    private static final String JAVA_HEAP = "Java Heap";

    private FixAndFlattenFindings() {
    }

    static String text(List<ExperimentRun> runs) throws IOException {
        ExperimentRun run = runs.getFirst();
        StringBuilder out = new StringBuilder("fix-and-flatten: the lab with every leak fixed\n");
        long first = run.warmupEndMs();
        long end = run.endMs() + 1;
        ExperimentRun.Requests requests = run.requestsFrom(run.loadStartMs());
        out.append(String.format("%s: %.0f min of load, %d requests (%d failed); warm-up ended %s; verdicts on the"
                        + " target's curves: %s%n", run.label(), (run.endMs() - run.loadStartMs()) / 60_000.0,
                requests.all(), requests.failed(), run.sinceLoad(first), verdictCounts(run)));
        for (String series : List.of("heap_live_bytes", "rss_bytes", "heap_committed_bytes", "nmt_committed_bytes")) {
            out.append(String.format("  %-21s %s in the first 10 min after warm-up, %s in the last 10 min (%s)%n",
                    series, bytes(run.median(series, first, first + SPAN_MS).orElse(Double.NaN)),
                    bytes(run.median(series, end - SPAN_MS, end).orElse(Double.NaN)), run.verdictText(series)));
        }
        out.append("  ").append(gap(run)).append('\n');
        out.append("  ").append(HeapDiffSummary.line(run)).append('\n');
        return out.toString();
    }

    private static String verdictCounts(ExperimentRun run) {
        Map<Verdict, Long> counts = run.folder().samples().orElseThrow().columnNames().stream()
                .filter(name -> !name.startsWith("sampler_"))
                .flatMap(name -> run.verdict(name).or(() -> run.verdict(name + "_per_s")).stream())
                .collect(Collectors.groupingBy(SeriesVerdict::verdict, Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey().jsonName())
                .collect(Collectors.joining(", "));
    }

    /** RSS − live heap at the last capture: the heap committed beyond the live objects, then the JVM's native memory. */
    private static String gap(ExperimentRun run) throws IOException {
        List<ProfileCapture> captures = run.capturesFrom(run.loadStartMs());
        if (captures.isEmpty() || !captures.getLast().has("nmt.txt")) {
            return "RSS - live heap: no capture with Native Memory Tracking";
        }
        ProfileCapture last = captures.getLast();
        Map<String, Tally> nmt = NativeMemory.read(last.file("nmt.txt"));
        long nmtTotal = nmt.values().stream().mapToLong(Tally::bytes).sum();
        double rss = run.last("rss_bytes", last.tsMs()).orElse(Double.NaN);
        double live = run.last("heap_live_bytes", last.tsMs()).orElse(Double.NaN);
        double committed = run.last("heap_committed_bytes", last.tsMs()).orElse(Double.NaN);
        String categories = nmt.entrySet().stream().filter(e -> !e.getKey().equals(JAVA_HEAP))
                .sorted(Comparator.comparingLong((Map.Entry<String, Tally> e) -> e.getValue().bytes()).reversed())
                .limit(CATEGORIES).map(e -> e.getKey() + " " + Quantities.bytes(e.getValue().bytes()))
                .collect(Collectors.joining(", "));
        long heapInNmt = nmt.getOrDefault(JAVA_HEAP, Tally.ZERO).bytes();
        return String.format("RSS - live heap at %s: %s = heap committed beyond the live objects %s + the JVM's native"
                        + " memory outside the heap %s (%s) + RSS beyond what NMT counts %s (RSS %s, NMT committed %s)",
                run.sinceLoad(last.tsMs()), bytes(rss - live), bytes(committed - live),
                bytes((double) nmtTotal - heapInNmt), categories, bytes(rss - nmtTotal), bytes(rss),
                bytes((double) nmtTotal));
    }
}
