package dev.leakhunt.charts.localize;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

/**
 * The two event types localization needs from a {@code heap.jfr} dump, read in one pass. The dump holds the
 * target's whole continuous recording (up to 256 MB); an {@link EventStream} with handlers for just these two
 * types skips the parsing of every other event, which a {@code RecordingFile} loop cannot.
 */
public record HeapRecording(RetainedSamples retained, List<ThreadStart> threadStarts) {

    static final String OLD_OBJECT_SAMPLE = "jdk.OldObjectSample";
    static final String THREAD_START = "jdk.ThreadStart";

    /** A {@code jdk.ThreadStart}: when, the creating site (parent's stack at {@code Thread.start()}), the new thread. */
    public record ThreadStart(Instant at, String site, String threadName) {
    }

    public HeapRecording {
        threadStarts = List.copyOf(threadStarts);
    }

    public static HeapRecording read(Path heapJfr) throws IOException {
        List<RetainedSamples.Sample> samples = new ArrayList<>();
        List<ThreadStart> starts = new ArrayList<>();
        try (EventStream stream = EventStream.openFile(heapJfr)) {
            // Handlers copy what they need at once, so the stream may reuse its event objects.
            stream.onEvent(OLD_OBJECT_SAMPLE, event -> samples.add(RetainedSamples.Sample.of(event)));
            stream.onEvent(THREAD_START, event -> starts.add(threadStart(event)));
            stream.start();
        }
        return new HeapRecording(RetainedSamples.of(samples), starts);
    }

    private static ThreadStart threadStart(RecordedEvent event) {
        RecordedThread thread = event.getThread("thread");
        return new ThreadStart(event.getStartTime(),
                Frames.siteOf(event.getStackTrace()),
                thread == null ? "?" : thread.getJavaName());
    }
}
