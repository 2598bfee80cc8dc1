package dev.leakhunt.charts.localize;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Where the application's own classes are allocated: the {@code jdk.ObjectAllocationSample} events of a
 * {@code heap.jfr} dump (leakhunt.jfc enables them at 150/s with stacks), summed per class, site and minute. They
 * say nothing about survival, so they serve only a class the histogram shows growing and no live old-object
 * sample explains — and only an application class: where a {@code WriteReceipt} is created names the leak,
 * where a {@code byte[]} is created names the busiest request path. Minutes bound the memory on day-long
 * recordings while keeping the window's edges within a minute.
 */
public final class AllocationSites {

    private record SiteMinute(String site, Instant minute) {
    }

    private final Map<String, Map<SiteMinute, Tally>> byType = new HashMap<>();

    void add(RecordedEvent event) {
        RecordedClass objectClass = event.getClass("objectClass");
        if (objectClass == null) {
            return;
        }
        String type = ClassNames.readable(objectClass.getName());
        if (Frames.isApplication(type)) {
            add(type, Frames.retainingSite(event.getStackTrace(), List.of()), event.getStartTime(),
                    event.getLong("weight"));
        }
    }

    void add(String type, String site, Instant at, long weightBytes) {
        SiteMinute key = new SiteMinute(site, at.truncatedTo(ChronoUnit.MINUTES));
        byType.computeIfAbsent(type, t -> new HashMap<>()).merge(key, new Tally(1, weightBytes), Tally::plus);
    }

    /**
     * The sites that allocated {@code type} in the minutes overlapping {@code [from, to]}: sampled events and
     * their summed weight (JFR's estimate of the bytes allocated there).
     */
    public Map<String, Tally> of(String type, Instant from, Instant to) {
        Instant firstMinute = from.truncatedTo(ChronoUnit.MINUTES);
        Map<String, Tally> sites = new HashMap<>();
        byType.getOrDefault(type, Map.of()).forEach((key, tally) -> {
            if (!key.minute().isBefore(firstMinute) && !key.minute().isAfter(to)) {
                sites.merge(key.site(), tally, Tally::plus);
            }
        });
        return sites;
    }
}
