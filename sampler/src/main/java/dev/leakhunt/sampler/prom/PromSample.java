package dev.leakhunt.sampler.prom;

import java.util.Map;

/** One sample line of the Prometheus text format: {@code name{labels} value}. */
public record PromSample(String name, Map<String, String> labels, double value) {
}
