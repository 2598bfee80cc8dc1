package dev.leakhunt.charts.findings;

import static dev.leakhunt.charts.findings.HandWrittenRun.LOAD_START_MS;
import static dev.leakhunt.charts.findings.HandWrittenRun.ROW_MS;
import static dev.leakhunt.charts.findings.HandWrittenRun.START_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRunTest {

    /** 10 rows: the live heap measured every other row (1, 3, 5 … MB), GC CPU 0.05 s more each row, fds 10 per row. */
    private static ExperimentRun run(Path dir) throws IOException {
        return ExperimentRun.open(HandWrittenRun.write(dir.resolve("run"), "heap_live_bytes,gc_cpu_seconds,open_fds", 10,
                i -> (i % 2 == 1 ? Long.toString(i * 1_000_000L) : "") + "," + (0.05 * i) + "," + (10 * i), "",
                List.of()));
    }

    @Test
    void reductionsSkipTheRowsWithoutAValue(@TempDir Path dir) throws IOException {
        ExperimentRun run = run(dir);
        long end = START_MS + 10 * ROW_MS;
        assertEquals(5_000_000, run.median("heap_live_bytes", START_MS, end).orElseThrow());
        assertEquals(9_000_000, run.max("heap_live_bytes", START_MS, end).orElseThrow());
        assertEquals(1_000_000, run.min("heap_live_bytes", START_MS, end).orElseThrow());
        assertEquals(7_000_000, run.last("heap_live_bytes", START_MS + 8 * ROW_MS).orElseThrow());
        assertTrue(run.median("heap_live_bytes", START_MS, START_MS + ROW_MS).isEmpty(), "row 0 has no value");
    }

    @Test
    void spansAreHalfOpen(@TempDir Path dir) throws IOException {
        ExperimentRun run = run(dir);
        assertEquals(3_000_000, run.max("heap_live_bytes", START_MS, START_MS + 5 * ROW_MS).orElseThrow());
    }

    @Test
    void aCounterBecomesItsRatePerSecond(@TempDir Path dir) throws IOException {
        assertEquals(0.005, run(dir).perSecond("gc_cpu_seconds", START_MS, START_MS + 10 * ROW_MS).orElseThrow(), 1e-9);
    }

    @Test
    void aThresholdCountsFromTheLoadStartOn(@TempDir Path dir) throws IOException {
        ExperimentRun run = run(dir);
        assertEquals(START_MS + 5 * ROW_MS, run.firstReaching("open_fds", 45).orElseThrow());
        assertEquals(LOAD_START_MS, run.firstReaching("open_fds", 0).orElseThrow(), "row 0 is before the load");
        assertTrue(run.firstReaching("open_fds", 1000).isEmpty());
        assertEquals("+0m40s", run.sinceLoad(START_MS + 5 * ROW_MS));
    }

    @Test
    void aColumnTheRunLacksHasNoValues(@TempDir Path dir) throws IOException {
        ExperimentRun run = run(dir);
        assertTrue(run.max("rss_bytes", START_MS, START_MS + 10 * ROW_MS).isEmpty());
        assertEquals("no verdict", run.verdictText("rss_bytes"));
    }
}
