package dev.leakhunt.sampler.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints the figures of {@code make bench-sampler} from the run folder it wrote, and checks them: the sampler's
 * CPU (% of one core, from its own {@code sampler_cpu_seconds} between the first and last rows, so JVM start-up
 * is excluded), the growth of its RSS (median of the first minute against the last), the longest target pause
 * caused by a profile capture (the {@code max_pause_ms} of the {@code profile} events: the longest non-GC
 * safepoint overlapping each capture; captures that walk the heap are checked apart, against the same target),
 * and which columns were never filled. Exit status 1 when a target is missed.
 */
public final class BenchSummary {
    static final double MAX_CPU_PERCENT = 2.0;
    static final double MAX_RSS_GROWTH_PERCENT = 5.0;
    static final double MAX_CAPTURE_PAUSE_MS = 50.0;
    private static final long MINUTE_MS = 60_000;

    public static void main(String[] args) throws IOException {
        Path run = Path.of(args[0]);
        List<String> lines = Files.readAllLines(run.resolve("samples.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length == header.size()) {
                rows.add(cells);
            }
        }
        int ts = header.indexOf("ts_ms");
        int cpu = header.indexOf("sampler_cpu_seconds");
        int rss = header.indexOf("sampler_rss_bytes");
        String[] first = rows.get(0);
        String[] last = rows.get(rows.size() - 1);
        double elapsedS = (Long.parseLong(last[ts]) - Long.parseLong(first[ts])) / 1000.0;
        double cpuPercent = 100 * (Double.parseDouble(last[cpu]) - Double.parseDouble(first[cpu])) / elapsedS;
        long startMs = Long.parseLong(first[ts]);
        long endMs = Long.parseLong(last[ts]);
        double rssFirst = median(rows, rss, ts, startMs, startMs + MINUTE_MS);
        double rssLast = median(rows, rss, ts, endMs - MINUTE_MS, endMs);
        double rssGrowthPercent = 100 * (rssLast - rssFirst) / rssFirst;

        // index 0: plain captures, 1: captures with a heap walk (histogram, GC-root paths), whose pause grows with the heap
        double[] longestPauseMs = {-1, -1};
        String[] pauseOperation = {"none measured", "none measured"};
        int profiles = 0;
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(run.resolve("events.jsonl"))) {
            JsonNode event = json.readTree(line);
            if (event.path("type").asText().equals("profile")) {
                profiles++;
                int kind = event.path("heap_walk").asBoolean() ? 1 : 0;
                if (event.has("max_pause_ms") && event.get("max_pause_ms").asDouble() > longestPauseMs[kind]) {
                    longestPauseMs[kind] = event.get("max_pause_ms").asDouble();
                    pauseOperation[kind] = event.path("pause_operation").asText() + " in " + event.get("dir").asText();
                }
            }
        }

        System.out.printf(Locale.ROOT, "rows: %d over %.0f s; profiles: %d%n", rows.size(), elapsedS, profiles);
        boolean pass = true;
        pass &= check(cpuPercent <= MAX_CPU_PERCENT, "sampler CPU: %.2f %% of one core (target ≤ %.0f %%)",
                cpuPercent, MAX_CPU_PERCENT);
        pass &= check(rssGrowthPercent <= MAX_RSS_GROWTH_PERCENT,
                "sampler RSS: median %.1f MiB in the first minute, %.1f MiB in the last: %+.1f %% (target ≤ %+.0f %%)",
                rssFirst / (1 << 20), rssLast / (1 << 20), rssGrowthPercent, MAX_RSS_GROWTH_PERCENT);
        pass &= check(longestPauseMs[0] >= 0 && longestPauseMs[0] <= MAX_CAPTURE_PAUSE_MS,
                "longest target pause caused by a profile capture: %.1f ms (%s) (target ≤ %.0f ms)",
                longestPauseMs[0], pauseOperation[0], MAX_CAPTURE_PAUSE_MS);
        pass &= check(longestPauseMs[1] >= 0 && longestPauseMs[1] <= MAX_CAPTURE_PAUSE_MS,
                "longest target pause caused by a capture with a heap walk (the first, every --heap-walk-every-th, "
                        + "the final): %.1f ms (%s) (target ≤ %.0f ms)",
                longestPauseMs[1], pauseOperation[1], MAX_CAPTURE_PAUSE_MS);
        List<String> neverFilled = new ArrayList<>();
        StringBuilder partly = new StringBuilder();
        for (int c = 0; c < header.size(); c++) {
            int filled = 0;
            for (String[] row : rows) {
                filled += row[c].isEmpty() ? 0 : 1;
            }
            if (filled == 0) {
                neverFilled.add(header.get(c));
            } else if (filled < rows.size()) {
                partly.append(String.format(Locale.ROOT, " %s %d%%", header.get(c), 100 * filled / rows.size()));
            }
        }
        pass &= check(neverFilled.isEmpty(), "columns never filled: %s", neverFilled.isEmpty() ? "none" : neverFilled);
        System.out.println("columns filled in only some rows (share of rows):" + (partly.isEmpty() ? " none" : partly));
        System.exit(pass ? 0 : 1);
    }

    private static double median(List<String[]> rows, int column, int ts, long fromMs, long toMs) {
        double[] values = rows.stream()
                .filter(r -> Long.parseLong(r[ts]) >= fromMs && Long.parseLong(r[ts]) <= toMs && !r[column].isEmpty())
                .mapToDouble(r -> Double.parseDouble(r[column]))
                .sorted()
                .toArray();
        return values[values.length / 2];
    }

    private static boolean check(boolean ok, String format, Object... args) {
        System.out.println((ok ? "PASS " : "FAIL ") + String.format(Locale.ROOT, format, args));
        return ok;
    }
}
