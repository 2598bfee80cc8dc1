package dev.leakhunt.charts.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakhunt.charts.verdict.Leak;
import dev.leakhunt.charts.verdict.SeriesVerdict;
import dev.leakhunt.charts.verdict.SloResult;
import dev.leakhunt.charts.verdict.Verdict;
import dev.leakhunt.charts.verdict.Verdicts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictSummaryTest {

    @Test
    void countsEachVerdictThenShowsLeaksWithTheirSitesThenPlateausThenInconclusiveThenFailedSlos() {
        Map<String, SeriesVerdict> series = new LinkedHashMap<>();
        series.put("cache_size", judged(Verdict.PLATEAU, Double.NaN, "count", "rose then stopped"));
        series.put("threads", judged(Verdict.FLAT, 0.4, "count", "no material significant rise"));
        series.put("nmt_committed_bytes", judged(Verdict.INCONCLUSIVE, Double.NaN, "bytes", "0 samples"));
        series.put("heap_live_bytes", judged(Verdict.LEAK, 400 * 1024 * 1024, "bytes", "rising"));
        Verdicts verdicts = new Verdicts(series,
                List.of(new Leak("heap_live_bytes", "heap", List.of("a.B.keep(B.java:40)", "a.C.call(C.java:9)"))),
                List.of(new SloResult("thread count ±5 %", true, 1, 5, "+1 %"),
                        new SloResult("live-heap mean drift < 5 %", false, 31, 5, "+31 %"),
                        new SloResult("GC pause p99 < 5 ms", null, Double.NaN, 5, "no pauses")));

        List<String> lines = VerdictSummary.lines(verdicts);

        assertEquals(List.of(
                "verdicts: 1 leak, 1 plateau, 1 flat, 1 inconclusive",
                "  heap_live_bytes: leak +400 MiB/h (95% CI +400 MiB/h … +400 MiB/h) at a.B.keep(B.java:40), "
                        + "a.C.call(C.java:9)",
                "  cache_size: plateau (rose then stopped)",
                "  nmt_committed_bytes: inconclusive (0 samples)",
                "slo: 1 of 2 pass; failed: live-heap mean drift < 5 % (+31 %)"), lines);
    }

    private static SeriesVerdict judged(Verdict verdict, double slope, String unit, String reason) {
        return new SeriesVerdict(verdict, slope, slope, slope, unit, Double.NaN, 0, 1, 1, 0.5, reason);
    }
}
