package dev.leakhunt.sampler.prom;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One scrape of a Prometheus histogram, summed over all its label sets (every route, method and status): the
 * cumulative count per bucket upper bound {@code le}, in the histogram's unit (seconds for
 * {@code http_server_request_duration_seconds}).
 */
public record CumulativeHistogram(TreeMap<Double, Double> countByUpperBound) {

    /** Empty when the scrape has no bucket of that histogram. */
    public static Optional<CumulativeHistogram> of(List<PromSample> samples, String histogramName) {
        String bucket = histogramName + "_bucket";
        TreeMap<Double, Double> counts = new TreeMap<>();
        for (PromSample s : samples) {
            String le = s.labels().get("le");
            if (s.name().equals(bucket) && le != null) {
                counts.merge(PromText.parseValue(le), s.value(), Double::sum);
            }
        }
        return counts.isEmpty() ? Optional.empty() : Optional.of(new CumulativeHistogram(counts));
    }

    /** The observations that fell between {@code earlier} and this scrape, per bucket; null after a reset. */
    public CumulativeHistogram minus(CumulativeHistogram earlier) {
        TreeMap<Double, Double> delta = new TreeMap<>();
        for (Map.Entry<Double, Double> e : countByUpperBound.entrySet()) {
            double before = earlier.countByUpperBound.getOrDefault(e.getKey(), 0.0);
            if (e.getValue() < before) {
                return null;
            }
            delta.put(e.getKey(), e.getValue() - before);
        }
        return new CumulativeHistogram(delta);
    }

    public double total() {
        return countByUpperBound.isEmpty() ? 0 : countByUpperBound.lastEntry().getValue();
    }

    /**
     * The q-quantile, interpolated linearly inside its bucket as PromQL's {@code histogram_quantile} does (the
     * lowest bucket starts at 0; a quantile in the +Inf bucket is reported as the highest finite bound).
     * Empty when there is no observation.
     */
    public OptionalDouble quantile(double q) {
        double total = total();
        if (total <= 0) {
            return OptionalDouble.empty();
        }
        double rank = q * total;
        double lowerBound = 0;
        double countBelow = 0;
        for (Map.Entry<Double, Double> e : countByUpperBound.entrySet()) {
            if (e.getValue() >= rank) {
                if (e.getKey().isInfinite()) {
                    return OptionalDouble.of(lowerBound);
                }
                double inBucket = e.getValue() - countBelow;
                double fraction = inBucket == 0 ? 1 : (rank - countBelow) / inBucket;
                return OptionalDouble.of(lowerBound + (e.getKey() - lowerBound) * fraction);
            }
            lowerBound = e.getKey();
            countBelow = e.getValue();
        }
        return OptionalDouble.of(lowerBound);
    }
}
