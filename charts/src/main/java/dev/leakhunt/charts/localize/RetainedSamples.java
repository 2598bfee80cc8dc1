package dev.leakhunt.charts.localize;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;

/**
 * The {@code jdk.OldObjectSample} events of a {@code heap.jfr} dump, grouped by allocation site. A dump emits
 * every sampled object still alive at that moment (with its path to a GC root when the dump asked for it), so
 * the per-site tallies of two dumps diff like {@code pprof -base}: a site whose count keeps growing allocates
 * objects that stay reachable. Counts are of sampled objects, not of all objects — JFR samples allocations
 * with a bounded queue — so the tally ranks sites; it does not size them.
 */
public final class RetainedSamples {


    /** One allocation site: its tally, and the commonest type and path to a GC root of its samples. */
    public record Site(String site, Tally tally, String objectType, String pathToRoot) {
    }

    private final Map<String, Site> bySite;

    private RetainedSamples(Map<String, Site> bySite) {
        this.bySite = bySite;
    }

    static RetainedSamples of(List<Sample> samples) {
        Map<String, List<Sample>> bySiteSamples = samples.stream().collect(Collectors.groupingBy(Sample::site));
        Map<String, Site> bySite = new HashMap<>();
        bySiteSamples.forEach((site, list) -> bySite.put(site, new Site(site,
                list.stream().map(s -> new Tally(1, s.bytes())).reduce(Tally.ZERO, Tally::plus),
                commonest(list, Sample::type), commonest(list, Sample::path))));
        return new RetainedSamples(bySite);
    }

    public Map<String, Tally> tallies() {
        return bySite.values().stream().collect(Collectors.toMap(Site::site, Site::tally));
    }

    public Site site(String site) {
        return bySite.get(site);
    }


    private static String commonest(List<Sample> samples, Function<Sample, String> attribute) {
        return samples.stream().collect(Collectors.groupingBy(attribute, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse("");
    }

    /** One sampled object, reduced to what the grouping needs (the event itself may be reused by the stream). */
    record Sample(String site, long bytes, String type, String path) {

        static Sample of(RecordedEvent event) {
            RecordedObject object = event.getValue("object");
            String type = typeOf(object);
            return new Sample(
                    Frames.siteOf(event.getStackTrace()),
                    event.hasField("objectSize") ? event.getLong("objectSize") : 0,
                    type,
                    ReferenceChain.describe(object, event.getValue("root")));
        }
    }

    static String typeOf(RecordedObject oldObject) {
        if (oldObject == null) {
            return "?";
        }
        jdk.jfr.consumer.RecordedClass type = oldObject.getValue("type");
        return type == null ? "?" : ClassNames.readable(type.getName());
    }
}
