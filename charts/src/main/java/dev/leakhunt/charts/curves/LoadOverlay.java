package dev.leakhunt.charts.curves;

/**
 * The driver's view per wall-clock bucket, drawn on the right-hand axes of every curve so a resource change can
 * be read against the latency and the throughput the clients saw. NaN where a bucket had no response.
 */
public record LoadOverlay(long[] bucketStartMs, double[] p99Ms, double[] requestsPerS) {
}
