package dev.leakhunt.charts.gatling;

/**
 * One fixed interval of wall-clock time, {@code [startMs, endMs)} in epoch ms, aligned to the epoch so that it
 * lines up with {@code samples.csv}'s {@code ts_ms}; it holds the requests that <em>ended</em> inside it.
 */
public record LatencyInterval(long startMs, long endMs, LatencyStats stats) {
}
