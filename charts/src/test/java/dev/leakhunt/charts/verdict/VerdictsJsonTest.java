package dev.leakhunt.charts.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictsJsonTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsAndWritesNumbersThatDoNotApplyAsNull() throws IOException {
        Map<String, SeriesVerdict> series = new LinkedHashMap<>();
        series.put("heap_live_bytes", new SeriesVerdict(Verdict.LEAK, 3.5e7, 3.1e7, 3.9e7, "bytes", 12.5,
                1_000, 9_000, 2.0e8, 1e-9, "rising"));
        series.put("threads", new SeriesVerdict(Verdict.INCONCLUSIVE, Double.NaN, Double.NaN, Double.NaN, "count",
                Double.NaN, 0, 500, Double.NaN, Double.NaN, "too short"));
        Verdicts verdicts = new Verdicts(series,
                List.of(new Leak("heap_live_bytes", "heap", List.of("a.B.c(B.java:41)"))),
                List.of(new SloResult("GC pause p99 < 5 ms", true, 1.25, 5, "largest"),
                        SloResult.notEvaluated("request p99", 0.1, "no log")));
        Path file = dir.resolve("verdicts.json");
        VerdictsJson.write(file, verdicts);
        String text = Files.readString(file);
        assertTrue(text.contains("\"hours_to_limit\" : null"), text);
        assertTrue(text.contains("\"pass\" : null"), text);
        assertTrue(text.contains("\"window_ms\" : [ 1000, 9000 ]"), text);
        assertEquals(verdicts, VerdictsJson.read(file));
    }
}
