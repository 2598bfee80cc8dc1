package dev.leakhunt.charts.gatling;

/**
 * Requests and their latency over a span of time. Percentiles are exact nearest-rank values over OK and KO
 * requests together (Gatling's "Total" column), in whole ms; NaN when the span holds no request.
 */
public record LatencyStats(long count, long ok, long ko, double minMs, double p50Ms, double p95Ms, double p99Ms,
                           double maxMs) {
}
