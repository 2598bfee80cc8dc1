package dev.leakhunt.charts.localize;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Who started threads: the {@code jdk.ThreadStart} events of a {@code heap.jfr} dump, whose stack is the
 * parent's at {@code Thread.start()} — Go's "created by" line. For pool threads it is the first
 * {@code submit()}/{@code execute()} that made the pool grow.
 */
public final class ThreadStarts {

    static final String EVENT = "jdk.ThreadStart";
    static final String NO_APPLICATION_FRAME = "(started from JDK code only)";

    /** A creating site with the threads it started in the window and one of their names as an example. */
    public record Site(String site, long started, String exampleThreadName) {
    }

    private ThreadStarts() {
    }

    /** Threads started in {@code [fromMs, toMs)} by creating site, busiest site first. */
    public static Map<String, Site> between(Path heapJfr, long fromMs, long toMs) throws IOException {
        Instant from = Instant.ofEpochMilli(fromMs);
        Instant to = Instant.ofEpochMilli(toMs);
        Map<String, Site> sites = new HashMap<>();
        try (RecordingFile recording = new RecordingFile(heapJfr)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!EVENT.equals(event.getEventType().getName())
                        || event.getStartTime().isBefore(from) || !event.getStartTime().isBefore(to)) {
                    continue;
                }
                String site = Frames.firstApplicationFrame(event.getStackTrace()).orElse(NO_APPLICATION_FRAME);
                RecordedThread thread = event.getThread("thread");
                String name = thread == null ? "?" : thread.getJavaName();
                sites.merge(site, new Site(site, 1, name),
                        (a, b) -> new Site(site, a.started() + 1, a.exampleThreadName()));
            }
        }
        return sites;
    }

    /** The same, as tallies for {@link Growth}. */
    public static Map<String, Tally> tallies(Map<String, Site> sites) {
        Map<String, Tally> tallies = new HashMap<>();
        sites.forEach((site, s) -> tallies.put(site, Tally.of(s.started())));
        return tallies;
    }
}
