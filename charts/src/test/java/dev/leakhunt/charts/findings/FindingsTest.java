package dev.leakhunt.charts.findings;

import static dev.leakhunt.charts.findings.HandWrittenRun.START_MS;
import static dev.leakhunt.charts.findings.HandWrittenRun.ROW_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FindingsTest {
    private static final long MIB = 1 << 20;

    @Test
    void aKernelOomKillIsToldWithItsTimeAndTheRssAgainstTheLimit(@TempDir Path dir) throws IOException {
        ExperimentRun killed = ExperimentRun.open(HandWrittenRun.write(dir.resolve("xmx1g"),
                "heap_live_bytes,heap_max_bytes,rss_bytes,gc_cpu_seconds,gc_cycles", 20,
                i -> (20 + 10 * i) * MIB + "," + 1024 * MIB + "," + (200 + 15 * i) * MIB + "," + 0.1 * i * i + "," + i * 3,
                "\"memory_limit_bytes\":" + 512 * MIB,
                // the sampler's event can come first, without the exit code only the target's parent learns
                List.of("{\"ts_ms\":" + (START_MS + 19 * ROW_MS) + ",\"type\":\"target_exit\",\"oom_kill\":true}",
                        "{\"ts_ms\":" + (START_MS + 19 * ROW_MS) + ",\"type\":\"target_exit\",\"exit_code\":137,"
                        + "\"oom_kill\":true}")));
        String text = MemoryLimitFindings.text(List.of(killed));
        assertTrue(text.contains("xmx1g: the target died at +3m00s with exit code 137, OOM-killed by the kernel"), text);
        assertTrue(text.contains("RSS peak 485 MiB of the 512 MiB limit (94.7 %)"), text);
        assertTrue(text.contains("live heap at the end 210 MiB of a 1.0 GiB maximum"), text);
    }

    @Test
    void memoryHandedBackShowsAsAnIdlePhaseBelowItsLoadPhase(@TempDir Path dir) throws IOException {
        // 60 s on, 60 s off from the load start (row 1): RSS 400 MiB under load; idle, 400 or 100 MiB.
        ExperimentRun kept = wavesRun(dir.resolve("defaults"), false);
        ExperimentRun returned = wavesRun(dir.resolve("uncommit-and-trim"), true);
        String text = ReturningMemoryFindings.text(List.of(kept, returned));
        assertTrue(text.contains("  rss_bytes             400 MiB / 400 MiB, 400 MiB / 400 MiB"), text);
        assertTrue(text.contains("  rss_bytes             400 MiB / 100 MiB, 400 MiB / 100 MiB"), text);
        assertTrue(text.contains("RSS at the end of the last idle phase: defaults 400 MiB, uncommit-and-trim 100 MiB"),
                text);
    }

    private static ExperimentRun wavesRun(Path dir, boolean handsBack) throws IOException {
        return ExperimentRun.open(HandWrittenRun.write(dir, "rss_bytes,heap_committed_bytes,nmt_committed_bytes,gc_cycles",
                26, i -> {
                    boolean idle = i > 1 && ((i - 2) / 6) % 2 == 1;
                    long rss = idle && handsBack ? 100 * MIB : 400 * MIB;
                    return rss + "," + rss / 2 + "," + rss + "," + i;
                }, "\"wave_on_s\":60,\"wave_off_s\":60", List.of()));
    }

    @Test
    void theCommandNamesTheRunsAnExperimentReads(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        assertEquals(2, findings(err, "gc-growing-heap", dir.toString()));
        assertTrue(err.toString().contains("gc-growing-heap reads 2 run folders (map, fixed), got 1"), err.toString());
        StringWriter unknown = new StringWriter();
        assertEquals(2, findings(unknown, "gc", dir.toString()));
        assertTrue(unknown.toString().contains("unknown experiment 'gc': valid are memory-limit|gc-growing-heap|"),
                unknown.toString());
    }

    private static int findings(StringWriter err, String... args) {
        return new CommandLine(new FindingsCommand()).setErr(new PrintWriter(err)).execute(args);
    }
}
