package dev.leakhunt.sampler;

import dev.leakhunt.sampler.prom.ScrapeSource.MetricNames;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** What to sample, where to write, how often: the parsed command line. */
public record SamplerConfig(
        long pid,
        Path runDir,
        Duration interval,
        Duration profileEvery,
        Optional<URI> metricsUrl,
        MetricNames metricNames,
        int keepProfiles,
        Path jfrSettings,
        boolean histogramWithFullGc,
        int heapWalkEvery,
        Duration warmup,
        boolean finalCapture,
        Duration markEvery,
        Optional<Path> jfrRepository) {
}
