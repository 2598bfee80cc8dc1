package dev.leakhunt.target.metrics;

import dev.leakhunt.target.items.ItemCache;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The lab service's {@code /metrics}, with the names {@code src/docs/formats.md} promises: JVM metrics of the
 * Prometheus Java client, {@code http_server_request_duration_seconds{method,route,status}},
 * {@code gc_pause_seconds{gc,action}}, {@code cache_size}, {@code cache_evictions_total},
 * {@code cache_hits_total}, {@code cache_misses_total}. Always written in the text format 0.0.4, whatever
 * the scraper's {@code Accept} asks for (a protobuf request gets text rather than an error).
 */
public final class ServiceMetrics implements AutoCloseable {
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    private static final double[] LATENCY_BUCKETS_SECONDS = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    };

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Histogram requestDuration;
    private final GcPauseHistogram gcPauses;

    public ServiceMetrics(ItemCache cache) {
        JvmMetrics.builder().register(registry);
        requestDuration = Histogram.builder()
                .name("http_server_request_duration_seconds")
                .help("Public-port request latency, from the first byte read to the handler's end")
                .labelNames("method", "route", "status")
                .classicOnly()
                .classicUpperBounds(LATENCY_BUCKETS_SECONDS)
                .register(registry);
        gcPauses = new GcPauseHistogram(registry);
        GaugeWithCallback.builder().name("cache_size").help("Entries in the item cache")
                .callback(callback -> callback.call(cache.size()))
                .register(registry);
        CounterWithCallback.builder().name("cache_evictions").help("Item cache evictions")
                .callback(callback -> callback.call(cache.stats().evictionCount()))
                .register(registry);
        CounterWithCallback.builder().name("cache_hits").help("Item cache hits")
                .callback(callback -> callback.call(cache.stats().hitCount()))
                .register(registry);
        CounterWithCallback.builder().name("cache_misses").help("Item cache misses")
                .callback(callback -> callback.call(cache.stats().missCount()))
                .register(registry);
    }

    public void observeRequest(String method, String route, int status, double seconds) {
        requestDuration.labelValues(method, route, Integer.toString(status)).observe(seconds);
    }

    public void scrape(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }

    @Override
    public void close() {
        gcPauses.close();
    }
}
