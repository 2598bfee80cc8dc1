package dev.leakhunt.sampler.jfr;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;

/**
 * The target's recent safepoints, from JFR: a safepoint pauses every Java thread from the start of
 * {@code jdk.SafepointBegin} (which covers reaching the safepoint) to the end of {@code jdk.SafepointEnd}; the
 * {@code jdk.ExecuteVMOperation} with the same {@code safepointId} names what ran inside. This is how the
 * pause a profile capture causes is measured: the longest safepoint overlapping the capture that is not a GC
 * (a collection that happens to fall inside the capture is the workload's, and is in the GC pause columns).
 */
public final class SafepointLog {
    private static final int KEEP = 4096;
    /** HotSpot's VM operations that are collections, e.g. G1CollectForAllocation, ZMarkStart, GenCollectFull. */
    private static final Pattern GC_OPERATION = Pattern.compile("^(G1|Z|X|Shenandoah|Parallel|GenCollect|CollectFor).*");

    /** One completed safepoint. */
    public record Safepoint(long id, Instant start, Instant end, String operation) {
        public long durationNs() {
            return java.time.Duration.between(start, end).toNanos();
        }
    }

    private final Map<Long, Instant> startById = new LinkedHashMap<>();
    private final Map<Long, String> operationById = new LinkedHashMap<>();
    private final Deque<Safepoint> completed = new ArrayDeque<>();

    public SafepointLog(TargetEventStream events) {
        events.subscribe("jdk.SafepointBegin", this::onBegin);
        events.subscribe("jdk.ExecuteVMOperation", this::onOperation);
        events.subscribe("jdk.SafepointEnd", this::onEnd);
    }

    private synchronized void onBegin(RecordedEvent e) {
        startById.put(e.getLong("safepointId"), e.getStartTime());
        trim(startById);
    }

    private synchronized void onOperation(RecordedEvent e) {
        if (e.getBoolean("safepoint")) {
            operationById.put(e.getLong("safepointId"), e.getString("operation"));
            trim(operationById);
        }
    }

    private synchronized void onEnd(RecordedEvent e) {
        long id = e.getLong("safepointId");
        Instant start = startById.remove(id);
        if (start != null) {
            completed.addLast(new Safepoint(id, start, e.getEndTime(), operationById.remove(id)));
            if (completed.size() > KEEP) {
                completed.removeFirst();
            }
        }
    }

    /** The longest safepoint that overlaps {@code [from, to]} and is not a collection. */
    public synchronized Optional<Safepoint> longestNonGcBetween(Instant from, Instant to) {
        return completed.stream()
                .filter(s -> !s.end().isBefore(from) && !s.start().isAfter(to))
                .filter(s -> !isGc(s.operation()))
                .max(Comparator.comparingLong(Safepoint::durationNs));
    }

    static boolean isGc(String operation) {
        return operation != null && GC_OPERATION.matcher(operation).matches();
    }

    private static <V> void trim(Map<Long, V> pending) {
        var it = pending.keySet().iterator();
        while (pending.size() > KEEP && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
