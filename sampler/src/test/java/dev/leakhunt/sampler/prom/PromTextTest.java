package dev.leakhunt.sampler.prom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromTextTest {
    private static final String HIST = "http_server_request_duration_seconds";

    private static String scrape(long fast, long medium, long slow, long total, double cacheSize, double evictions) {
        return """
                # HELP http_server_request_duration_seconds Request latency
                # TYPE http_server_request_duration_seconds histogram
                http_server_request_duration_seconds_bucket{method="GET",route="/items/{id}",status="200",le="0.005"} %d
                http_server_request_duration_seconds_bucket{method="GET",route="/items/{id}",status="200",le="0.01"} %d
                http_server_request_duration_seconds_bucket{method="GET",route="/items/{id}",status="200",le="0.1"} %d
                http_server_request_duration_seconds_bucket{method="GET",route="/items/{id}",status="200",le="+Inf"} %d
                http_server_request_duration_seconds_count{method="GET",route="/items/{id}",status="200"} %d
                http_server_request_duration_seconds_bucket{method="POST",route="/items",status="201",le="0.005"} 1
                http_server_request_duration_seconds_bucket{method="POST",route="/items",status="201",le="0.01"} 1
                http_server_request_duration_seconds_bucket{method="POST",route="/items",status="201",le="0.1"} 1
                http_server_request_duration_seconds_bucket{method="POST",route="/items",status="201",le="+Inf"} 1
                # TYPE cache_size gauge
                cache_size %s
                cache_evictions_total{cache="items"} %s 1763897000000
                """.formatted(fast, medium, slow, total, total, cacheSize, evictions);
    }

    @Test
    void parsesLabelsWithEscapesAndOptionalTimestamp() {
        PromSample s = PromText.parseLine("m{a=\"x\\\"y\",b=\"c,d\"} 1.5e3 1700000000000");
        assertEquals("m", s.name());
        assertEquals(Map.of("a", "x\"y", "b", "c,d"), s.labels());
        assertEquals(1500.0, s.value());
        assertEquals(Double.POSITIVE_INFINITY, PromText.parseLine("x +Inf").value());
    }

    @Test
    void histogramSumsLabelSetsAndDifferencesTwoScrapes() {
        var first = CumulativeHistogram.of(PromText.parse(scrape(100, 100, 100, 100, 5, 0)), HIST).orElseThrow();
        var second = CumulativeHistogram.of(PromText.parse(scrape(1090, 1098, 1100, 1100, 7, 2)), HIST).orElseThrow();
        CumulativeHistogram interval = second.minus(first);
        assertEquals(1000, interval.total());
        // rank 990 lies in the first bucket (990 of 1000 are ≤ 5 ms): interpolated at 990/990 of [0, 5 ms]
        assertEquals(0.005, interval.quantile(0.99).getAsDouble(), 1e-12);
        // rank 995 lies in (5 ms, 10 ms], holding 8 observations above 990: 5 + 5 × 5/8 ms
        assertEquals(0.008125, interval.quantile(0.995).getAsDouble(), 1e-12);
    }

    @Test
    void quantileInTheInfBucketIsTheHighestFiniteBound() {
        var first = CumulativeHistogram.of(PromText.parse(scrape(0, 0, 0, 0, 0, 0)), HIST).orElseThrow();
        var second = CumulativeHistogram.of(PromText.parse(scrape(0, 0, 0, 10, 0, 0)), HIST).orElseThrow();
        assertEquals(0.1, second.minus(first).quantile(0.99).getAsDouble());
    }

    @Test
    void noRequestsMeansNoP99AndAResetMeansNoInterval() {
        var scrape = CumulativeHistogram.of(PromText.parse(scrape(5, 5, 5, 5, 0, 0)), HIST).orElseThrow();
        assertTrue(scrape.minus(scrape).quantile(0.99).isEmpty());
        var restarted = CumulativeHistogram.of(PromText.parse(scrape(1, 1, 1, 1, 0, 0)), HIST).orElseThrow();
        assertNull(restarted.minus(scrape));
        assertEquals(Optional.empty(), CumulativeHistogram.of(PromText.parse("other_bucket{le=\"1\"} 3\n"), HIST));
    }

    @Test
    void cacheFiguresAreSummedByExactSampleName() {
        List<PromSample> samples = PromText.parse(scrape(0, 0, 0, 0, 512, 17));
        assertEquals(Optional.of(512.0), ScrapeSource.sum(samples, "cache_size"));
        assertEquals(Optional.of(17.0), ScrapeSource.sum(samples, "cache_evictions_total"));
        assertEquals(Optional.empty(), ScrapeSource.sum(samples, "cache_evictions"));
    }
}
