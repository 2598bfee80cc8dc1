package dev.leakhunt.charts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code charts watch} as the supervisor runs it: a child JVM following a run folder whose samples.csv the test
 * appends to while it watches. The rows are an accelerated soak's (ACCEL 5, one row a second of sample time),
 * written a few hundred times faster than that: the verdict works on {@code ts_ms}, not on the wall clock.
 */
class WatchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long T0_MS = 1_795_000_000_000L;
    private static final long ROW_MS = 1_000;
    private static final int ROWS_BEFORE_WATCH = 60;
    /** Rows are appended until the watch has done what is expected of it, or this many have been. */
    private static final int MAX_ROWS = 900;
    /** Two minutes of flat rows more, once the sampler's own leak is confirmed. */
    private static final int ROWS_AFTER_SAMPLER_LEAK = 120;
    private static final long APPEND_PAUSE_MS = 15;
    private static final String HEADER = "ts_ms,threads,heap_live_bytes,heap_max_bytes,gc_cycles,sampler_rss_bytes";

    @TempDir
    Path run;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWatches() throws InterruptedException {
        for (Process watch : started) {
            watch.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aGrowingHeapIsConfirmedOnceRecordedAndStopsTheWatch() throws Exception {
        writeRun(true, false);
        Process watch = watch("--stop-on=any");

        int rows = appendRows(ROWS_BEFORE_WATCH, MAX_ROWS, watch::isAlive, true, false);

        assertTrue(watch.waitFor(30, TimeUnit.SECONDS), "the watch did not stop after " + rows + " rows");
        assertEquals(WatchCommand.EXIT_LEAK_CONFIRMED, watch.exitValue(), () -> output(watch));
        List<JsonNode> confirmed = confirmedEvents();
        assertEquals(1, confirmed.size(), confirmed.toString());
        JsonNode heap = confirmed.getFirst();
        assertEquals("heap_live_bytes", heap.path("series").asText());
        assertEquals("bytes", heap.path("unit").asText());
        assertEquals(0.5e6 * 3600, heap.path("slope_per_hour").asDouble(), 0.1e6 * 3600);
        long sinceMs = heap.path("since_ms").asLong();
        assertTrue(sinceMs >= T0_MS + 60_000 && sinceMs < T0_MS + rows * ROW_MS,
                "since +" + (sinceMs - T0_MS) / 1000 + " s");
        assertTrue(heap.path("ts_ms").asLong() > T0_MS, "ts_ms is the wall-clock time of the confirmation");
    }

    @Test
    void flatSeriesNeverStopItAndTheSamplersOwnLeakIsRecordedButDoesNotCount() throws Exception {
        writeRun(false, true);
        Process watch = watch("--stop-on=any");

        int rows = appendRows(ROWS_BEFORE_WATCH, MAX_ROWS, () -> watch.isAlive() && confirmedEvents().isEmpty(),
                false, true);
        assertEquals(List.of("sampler_rss_bytes"), confirmedEvents().stream().map(e -> e.path("series").asText())
                .toList(), "after " + rows + " rows");
        appendRows(rows, rows + ROWS_AFTER_SAMPLER_LEAK, watch::isAlive, false, true);
        if (!watch.isAlive()) {
            throw new AssertionError("stopped on flat series, exit " + watch.exitValue() + ": " + output(watch));
        }
        JsonNode manifest = JSON.readTree(run.resolve("manifest.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) manifest).put("ended_ms", System.currentTimeMillis());
        Files.writeString(run.resolve("manifest.json"), manifest.toString());

        assertTrue(watch.waitFor(30, TimeUnit.SECONDS), "the watch did not notice the run's end");
        assertEquals(0, watch.exitValue(), () -> output(watch));
        assertEquals(List.of("sampler_rss_bytes"), confirmedEvents().stream().map(e -> e.path("series").asText())
                .toList());
    }

    @Test
    void aSigtermEndsTheWatchWithZero() throws Exception {
        writeRun(false, false);
        Process watch = watch("--stop-on=heap_live_bytes,threads");

        watch.toHandle().destroy();

        assertTrue(watch.waitFor(10, TimeUnit.SECONDS), "SIGTERM did not stop the watch");
        assertEquals(0, watch.exitValue(), () -> output(watch));
    }

    @Test
    void anUnknownSeriesIsAUsageErrorNamingTheValidOnes() throws Exception {
        writeRun(false, false);
        Process watch = start("--stop-on=heap_live_bytes,gc_cycles");

        assertTrue(watch.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, watch.exitValue());
        String err = new String(watch.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals("charts watch: --stop-on names gc_cycles, not a series of " + run.resolve("samples.csv")
                + "; its series are threads, heap_live_bytes, gc_cycles_per_s, sampler_rss_bytes", err);
    }

    /** A manifest of an ACCEL 5 soak that has not ended, its load started with the first row, and 60 rows. */
    private void writeRun(boolean heapLeaks, boolean samplerLeaks) throws IOException {
        Files.writeString(run.resolve("manifest.json"), "{\"run_id\":\"watch-test\",\"started_ms\":" + (T0_MS - 5_000)
                + ",\"parameters\":{\"accel\":5,\"warmup_s\":0}}");
        Files.writeString(run.resolve("events.jsonl"), "{\"ts_ms\":" + T0_MS + ",\"type\":\"load_start\","
                + "\"rate_per_s\":1000.0}\n");
        StringBuilder rows = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < ROWS_BEFORE_WATCH; i++) {
            rows.append(row(i, heapLeaks, samplerLeaks));
        }
        Files.writeString(run.resolve("samples.csv"), rows);
    }

    /** Appends rows {@code from}, … while {@code more} holds, before row {@code to}; the rows there are then. */
    private int appendRows(int from, int to, Condition more, boolean heapLeaks, boolean samplerLeaks)
            throws Exception {
        int i = from;
        for (; i < to && more.holds(); i++) {
            String row = row(i, heapLeaks, samplerLeaks);
            // Half a row first, as a sampler caught mid-write would leave it.
            int half = row.length() / 2;
            Files.writeString(run.resolve("samples.csv"), row.substring(0, half), StandardOpenOption.APPEND);
            Thread.sleep(APPEND_PAUSE_MS);
            Files.writeString(run.resolve("samples.csv"), row.substring(half), StandardOpenOption.APPEND);
        }
        return i;
    }

    private interface Condition {
        boolean holds() throws IOException;
    }

    /** Row {@code i}: flat threads, heap growing 0.5 MB per row or flat, GC cycles counting, noise on all. */
    private static String row(int i, boolean heapLeaks, boolean samplerLeaks) {
        SplittableRandom random = new SplittableRandom(i);
        double heap = 100e6 + (heapLeaks ? 0.5e6 * i : 0) + 1e6 * random.nextGaussian();
        double sampler = 60e6 + (samplerLeaks ? 0.5e6 * i : 0) + 0.3e6 * random.nextGaussian();
        return String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%d%n", T0_MS + i * ROW_MS, 40 + random.nextInt(3),
                (long) heap, 1L << 30, 2 * i + random.nextInt(2), (long) sampler);
    }

    private List<JsonNode> confirmedEvents() throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("events.jsonl"))) {
            JsonNode event = JSON.readTree(line);
            if (event.path("type").asText().equals("leak_confirmed")) {
                events.add(event);
            }
        }
        return events;
    }

    /** Starts the watch and waits for its first line, so that the rows appended next are seen growing. */
    private Process watch(String stopOn) throws IOException {
        Process watch = start(stopOn);
        BufferedReader out = new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        assertTrue(first != null && first.startsWith("watch: following"), "first line: " + first);
        return watch;
    }

    private Process start(String stopOn) throws IOException {
        Process watch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ChartsCli.class.getName(), "watch", run.toString(), stopOn, "--every=100ms")
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .start();
        started.add(watch);
        return watch;
    }

    /** What an ended watch printed, for a failure message. */
    private static String output(Process watch) {
        try {
            return "stdout: " + new String(watch.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    + " stderr: " + new String(watch.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }
}
