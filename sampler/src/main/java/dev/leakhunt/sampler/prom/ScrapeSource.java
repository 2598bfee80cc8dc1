package dev.leakhunt.sampler.prom;

import dev.leakhunt.sampler.Column;
import dev.leakhunt.sampler.Sample;
import dev.leakhunt.sampler.Source;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Service figures from the target's own Prometheus endpoint ({@code --metrics-url}): request p99 and rate in
 * the interval, from the differences between two scrapes of the latency histogram's buckets and count, and the
 * cache's size and eviction count. Asks for the text format only (some servers fail on a protobuf Accept).
 * The first row, and a row after a counter reset, have no interval to difference and leave p99 and rate empty.
 */
public final class ScrapeSource implements Source {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final double P99 = 0.99;

    /** Metric names the service uses; a foreign service may differ from the lab target. */
    public record MetricNames(String latencyHistogram, String cacheSize, String cacheEvictions) {
    }

    private final URI url;
    private final MetricNames names;
    private final HttpClient http;
    private CumulativeHistogram previous;
    private long previousScrapeNanos;

    public ScrapeSource(URI url, MetricNames names) {
        this.url = url;
        this.names = names;
        // HTTP/1.1 as Prometheus scrapes: the default h2c upgrade attempt is wasted on a metrics endpoint
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    @Override
    public String name() {
        return "metrics-url";
    }

    @Override
    public void sampleInto(Sample sample) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Accept", "text/plain; version=0.0.4").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long now = System.nanoTime();
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode());
        }
        List<PromSample> samples = PromText.parse(response.body());
        sum(samples, names.cacheSize()).ifPresent(v -> sample.set(Column.CACHE_SIZE, Math.round(v)));
        sum(samples, names.cacheEvictions()).ifPresent(v -> sample.set(Column.CACHE_EVICTIONS_TOTAL, Math.round(v)));
        CumulativeHistogram current = CumulativeHistogram.of(samples, names.latencyHistogram()).orElse(null);
        CumulativeHistogram interval = current == null || previous == null ? null : current.minus(previous);
        if (interval != null) {
            double seconds = (now - previousScrapeNanos) / 1e9;
            sample.set(Column.REQ_RATE_PER_S, interval.total() / seconds);
            interval.quantile(P99).ifPresent(p99Seconds -> sample.set(Column.REQ_P99_MS, p99Seconds * 1000));
        }
        previous = current;
        previousScrapeNanos = now;
    }

    /** Sum over all label sets of the samples named exactly {@code name}; empty when there is none. */
    static Optional<Double> sum(List<PromSample> samples, String name) {
        return samples.stream().filter(s -> s.name().equals(name)).map(PromSample::value).reduce(Double::sum);
    }

    @Override
    public void close() {
        http.close();
    }
}
