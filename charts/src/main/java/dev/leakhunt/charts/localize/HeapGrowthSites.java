package dev.leakhunt.charts.localize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Heap growth between two heap walks, attributed to the code that keeps it. The class histograms say exactly
 * what grew (bytes and instances per class) but not where; the old-object samples say where objects are kept,
 * but JFR picks them in proportion to allocated bytes, so a request path that allocates much short-lived or
 * pooled data fills the sample queue while a leak of small objects barely appears. Joining the two: a sample
 * counts only if it was allocated inside the window and is still alive at its end, and each such sample carries
 * an equal share of its class's histogram growth. A class that did not grow adds nothing however many samples
 * it has (a pool allocated at start-up, a cache at its plateau adds only its churn's share), and a leak of a class
 * that grew is credited with that class's growth even when few of its objects were sampled.
 * <p>
 * A sample also needs a holder that grew ({@link #heldByGrowth}). A grown application class with no such
 * sample is credited to where it was allocated in the window ({@link AllocationSites}), in proportion to the
 * allocation weight: an application's own record type is created where it is created, unlike a {@code byte[]}.
 * Grown JDK classes without a live sample stay unattributed.
 */
public final class HeapGrowthSites {

    /** How many of a site's classes the report names: the answer is in the first two or three. */
    static final int CLASSES_SHOWN = 3;

    /**
     * One site with the growth attributed to it.
     *
     * @param bytesDelta        bytes of histogram growth attributed to the site (its samples' shares)
     * @param countDelta        instances of histogram growth attributed likewise
     * @param liveSamples       old-object samples allocated in the window and alive at its end kept here
     * @param allocationSamples allocation samples of grown classes that no live sample explained
     * @param classes           the grown classes credited to the site, largest share first
     * @param pathToRoot        the commonest path from a GC root among its live samples, empty without any
     */
    public record Site(String site, long bytesDelta, long countDelta, long liveSamples, long allocationSamples,
                       List<String> classes, String pathToRoot) {
        public Site {
            classes = List.copyOf(classes);
        }
    }

    private HeapGrowthSites() {
    }

    /**
     * Sites ranked by attributed byte growth between the captures at {@code windowStart} and {@code windowEnd}:
     * samples allocated before the start are not growth of this window.
     */
    public static List<Site> attribute(Map<String, Tally> before, Map<String, Tally> after, HeapRecording atEnd,
            Instant windowStart, Instant windowEnd) {
        Map<String, List<RetainedSamples.Sample>> liveByClass = new HashMap<>();
        for (RetainedSamples.Sample sample : atEnd.retained().alive()) {
            if (!sample.allocatedAt().isBefore(windowStart) && heldByGrowth(sample, before, after)) {
                liveByClass.computeIfAbsent(sample.type(), c -> new ArrayList<>()).add(sample);
            }
        }
        Map<String, Accumulator> bySite = new HashMap<>();
        after.forEach((type, to) -> {
            Tally from = before.getOrDefault(type, Tally.ZERO);
            Tally grown = new Tally(Math.max(0, to.count() - from.count()), to.bytes() - from.bytes());
            if (grown.bytes() <= 0) {
                return;
            }
            List<RetainedSamples.Sample> live = liveByClass.getOrDefault(type, List.of());
            if (!live.isEmpty()) {
                live.forEach(sample -> bySite.computeIfAbsent(sample.site(), s -> new Accumulator())
                        .addLive(sample, (double) grown.bytes() / live.size(), (double) grown.count() / live.size()));
            } else if (Frames.isApplication(type)) {
                creditAllocations(type, grown, atEnd.allocations().of(type, windowStart, windowEnd), bySite);
            }
        });
        List<Site> sites = new ArrayList<>();
        bySite.forEach((site, acc) -> sites.add(acc.toSite(site)));
        sites.sort(Comparator.comparingLong(Site::bytesDelta).thenComparingLong(Site::liveSamples).reversed()
                .thenComparing(Site::site));
        return sites;
    }

    private static void creditAllocations(String type, Tally grown, Map<String, Tally> allocated,
            Map<String, Accumulator> bySite) {
        double weightBytes = allocated.values().stream().mapToLong(Tally::bytes).sum();
        if (weightBytes <= 0) {
            return;
        }
        allocated.forEach((site, tally) -> bySite.computeIfAbsent(site, s -> new Accumulator())
                .addAllocated(type, tally.count(), grown.bytes() * tally.bytes() / weightBytes,
                        grown.count() * tally.bytes() / weightBytes));
    }

    /**
     * An object added to a growing structure hangs off something that grows with it (a map node, a list's
     * bigger array); one that replaced another in a bounded structure (a ring's slot, a full cache's entry) hangs
     * off something that did not. True when the histogram shows the class that keeps it
     * ({@link ReferenceChain#keeper}) grew in bytes, or when that is unknown (no path searched).
     */
    private static boolean heldByGrowth(RetainedSamples.Sample sample, Map<String, Tally> before,
            Map<String, Tally> after) {
        return sample.holder().map(holder -> after.getOrDefault(holder, Tally.ZERO).bytes()
                > before.getOrDefault(holder, Tally.ZERO).bytes()).orElse(true);
    }

    private static final class Accumulator {
        private double bytes;
        private double count;
        private long liveSamples;
        private long allocationSamples;
        private final Map<String, Double> bytesByClass = new HashMap<>();
        private final Map<String, Integer> samplesByPath = new LinkedHashMap<>();

        void addLive(RetainedSamples.Sample sample, double bytesShare, double countShare) {
            credit(sample.type(), bytesShare, countShare);
            liveSamples++;
            samplesByPath.merge(sample.pathToRoot(), 1, Integer::sum);
        }

        void addAllocated(String type, long samples, double bytesShare, double countShare) {
            credit(type, bytesShare, countShare);
            allocationSamples += samples;
        }

        private void credit(String type, double bytesShare, double countShare) {
            bytes += bytesShare;
            count += countShare;
            bytesByClass.merge(type, bytesShare, Double::sum);
        }

        Site toSite(String site) {
            List<String> classes = bytesByClass.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                    .limit(CLASSES_SHOWN).map(Map.Entry::getKey).toList();
            String path = samplesByPath.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .map(Map.Entry::getKey).orElse("");
            return new Site(site, Math.round(bytes), Math.round(count), liveSamples, allocationSamples, classes,
                    path);
        }
    }
}
