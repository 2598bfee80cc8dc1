package dev.leakhunt.charts.localize;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

/**
 * The event types localization needs from a {@code heap.jfr} dump, read in one pass. The dump holds the
 * target's whole continuous recording (up to 256 MB); an {@link EventStream} with handlers for just these
 * types skips the parsing of every other event, which a {@code RecordingFile} loop cannot.
 *
 * @param retained       the old-object samples alive at the dump
 * @param allocations    where the application's classes were allocated (jdk.ObjectAllocationSample), by minute
 * @param resourceCalls  which application code acquired file descriptors, direct memory, class loaders or
 *                       classes (the same samples, see {@link ResourceCalls})
 * @param endedThreadIds the Java thread ids of every {@code jdk.ThreadEnd} in the dump. Thread ids are never
 *                       reused within a JVM, and a thread's end is newer than its start, so a start found in the
 *                       dump whose id is not here belongs to a thread still alive at the dump — provided the
 *                       recording enabled {@code jdk.ThreadEnd}, taken to be the case when it holds any.
 */
public record HeapRecording(RetainedSamples retained, AllocationSites allocations, ResourceCalls resourceCalls,
                            List<ThreadStart> threadStarts, Set<Long> endedThreadIds) {

    static final String OLD_OBJECT_SAMPLE = "jdk.OldObjectSample";
    static final String ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";
    static final String THREAD_START = "jdk.ThreadStart";
    static final String THREAD_END = "jdk.ThreadEnd";

    /** A {@code jdk.ThreadStart}: when, the creating site (parent's stack at {@code Thread.start()}), the new thread. */
    public record ThreadStart(Instant at, String site, String threadName, long threadId) {
    }

    public HeapRecording {
        threadStarts = List.copyOf(threadStarts);
        endedThreadIds = Set.copyOf(endedThreadIds);
    }

    public static HeapRecording read(Path heapJfr) throws IOException {
        List<RetainedSamples.Sample> samples = new ArrayList<>();
        List<ThreadStart> starts = new ArrayList<>();
        Set<Long> ended = new HashSet<>();
        AllocationSites allocations = new AllocationSites();
        ResourceCalls resourceCalls = new ResourceCalls();
        try (EventStream stream = EventStream.openFile(heapJfr)) {
            // Handlers copy what they need at once, so the stream may reuse its event objects.
            stream.onEvent(OLD_OBJECT_SAMPLE, event -> samples.add(RetainedSamples.Sample.of(event)));
            stream.onEvent(ALLOCATION_SAMPLE, event -> {
                allocations.add(event);
                resourceCalls.add(event);
            });
            stream.onEvent(THREAD_START, event -> starts.add(threadStart(event)));
            stream.onEvent(THREAD_END, event -> ended.add(threadId(event)));
            stream.start();
        }
        return new HeapRecording(RetainedSamples.of(samples), allocations, resourceCalls, starts, ended);
    }

    /** False when the dump holds no {@code jdk.ThreadEnd} at all: then which threads still live is unknown. */
    public boolean threadEndsRecorded() {
        return !endedThreadIds.isEmpty();
    }

    private static ThreadStart threadStart(RecordedEvent event) {
        RecordedThread thread = event.getThread("thread");
        return new ThreadStart(event.getStartTime(), Frames.siteOf(event.getStackTrace()),
                thread == null ? "?" : thread.getJavaName(), threadId(event));
    }

    private static long threadId(RecordedEvent event) {
        RecordedThread thread = event.getThread("thread");
        return thread == null ? -1 : thread.getJavaThreadId();
    }
}
