package dev.leakhunt.charts.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunt.charts.testing.SyntheticRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunComparisonTest {

    @TempDir
    Path dir;

    @Test
    void overlaysEachRunsLeadLineAlignedOnItsOwnStart() throws Exception {
        Path leak = dir.resolve("leak-run");
        Path fix = dir.resolve("fix-run");
        SyntheticRun.write(leak, 720);
        SyntheticRun.write(fix, 360, SyntheticRun.START_MS + 86_400_000L);
        Path empty = Files.createDirectories(dir.resolve("empty-run"));

        Path html = RunComparison.write(List.of(leak, fix, empty), dir.resolve("out"));

        String page = Files.readString(html);
        assertTrue(page.contains("empty-run: no samples, so no curve and no verdict"), page);
        assertTrue(page.contains("<th>leak-run</th><th>fix-run</th>"), "a verdict column per run");
        assertTrue(page.contains("<tr class=\"leak\"><td>heap_live_bytes</td><td>leak +"), "the leak row is marked");
        String heap = Files.readString(dir.resolve("out/charts/heap.svg"));
        assertTrue(heap.contains(">leak-run<") && heap.contains(">fix-run<"), "both runs in the legend");
        // Aligned on time since start: one hour of samples spans the axis in minutes, not a day of wall clock.
        assertTrue(heap.contains("time since start (min)"), heap.substring(0, 500));
    }
}
