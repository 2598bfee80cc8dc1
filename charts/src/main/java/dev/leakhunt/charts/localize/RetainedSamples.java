package dev.leakhunt.charts.localize;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;

/**
 * The {@code jdk.OldObjectSample} events of a {@code heap.jfr} dump that were alive when it was taken. JFR writes
 * every sampled object still alive each time the recording is dumped, all stamped with that dump's time, and a
 * later dump of the same recording holds those earlier writings too; only the latest one is the state at this
 * capture, the others are history (counting them would credit a long-lived object once per earlier capture).
 * A sample counts as alive until a GC finds it dead, so a dump also holds garbage not yet collected; when the
 * dump searched paths to GC roots (a heap walk), the samples it found no path to are that garbage and are left
 * out. Counts are of sampled objects, not of all objects — JFR samples allocations in proportion to allocated
 * bytes into a bounded queue — so they say which sites and types retain, not how much; the class histogram
 * sizes it.
 */
public final class RetainedSamples {

    /**
     * One sampled object, reduced to what the ranking needs (the event itself may be reused by the stream).
     *
     * @param site        where it is kept: {@link Frames#retainingSite}
     * @param type        the sampled object's class, readable
     * @param allocatedAt when it was allocated
     * @param pathToRoot  its path from a GC root, as text, when the dump searched for it
     * @param holder      the class that keeps it, when the path is known: {@link ReferenceChain#keeper}
     * @param reachable   false when the dump found no path from a GC root to it (or searched none)
     * @param writtenAt   when JFR wrote it: the dump it belongs to
     */
    public record Sample(String site, String type, Instant allocatedAt, String pathToRoot,
                         Optional<String> holder, boolean reachable, Instant writtenAt) {

        static Sample of(RecordedEvent event) {
            RecordedObject object = event.getValue("object");
            ReferenceChain chain = ReferenceChain.of(object, event.getValue("root"));
            return new Sample(
                    Frames.retainingSite(event.getStackTrace(), chain.holderClasses()),
                    typeOf(object),
                    event.getInstant("allocationTime"),
                    chain.text(),
                    chain.keeper(),
                    chain.recorded(),
                    event.getStartTime());
        }
    }

    private final List<Sample> alive;

    private RetainedSamples(List<Sample> alive) {
        this.alive = alive;
    }

    /** The latest writing among {@code written}, reachable samples only when the dump searched paths. */
    static RetainedSamples of(List<Sample> written) {
        Instant latest = written.stream().map(Sample::writtenAt).max(Comparator.naturalOrder()).orElse(Instant.MIN);
        List<Sample> atDump = written.stream().filter(s -> s.writtenAt().equals(latest)).toList();
        boolean pathsSearched = atDump.stream().anyMatch(Sample::reachable);
        return new RetainedSamples(pathsSearched ? atDump.stream().filter(Sample::reachable).toList() : atDump);
    }

    public List<Sample> alive() {
        return alive;
    }

    static String typeOf(RecordedObject oldObject) {
        if (oldObject == null) {
            return "?";
        }
        RecordedClass type = oldObject.getValue("type");
        return type == null ? "?" : ClassNames.readable(type.getName());
    }
}
