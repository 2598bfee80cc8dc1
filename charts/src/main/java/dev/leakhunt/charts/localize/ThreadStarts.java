package dev.leakhunt.charts.localize;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Who started threads: the {@code jdk.ThreadStart} events of a {@code heap.jfr} dump, whose stack is the
 * parent's at {@code Thread.start()} — Go's "created by" line. For pool threads it is the first
 * {@code submit()}/{@code execute()} that made the pool grow. A site that starts many threads that all end is
 * busy, not leaking; the count still alive at the dump is what ranks a site for a thread leak.
 */
public final class ThreadStarts {

    /** Marks {@link Site#stillAlive()} when the recording holds no {@code jdk.ThreadEnd} to tell. */
    public static final long UNKNOWN = -1;

    /**
     * A creating site: threads it started in the window, how many of those were still alive when the later
     * capture was dumped ({@link #UNKNOWN} when thread ends were not recorded), and one thread's name.
     */
    public record Site(String site, long started, long stillAlive, String exampleThreadName) {
    }

    private ThreadStarts() {
    }

    /** Threads started in {@code [fromMs, toMs)}, by creating site. */
    public static Map<String, Site> between(HeapRecording recording, long fromMs, long toMs) {
        Instant from = Instant.ofEpochMilli(fromMs);
        Instant to = Instant.ofEpochMilli(toMs);
        boolean endsKnown = recording.threadEndsRecorded();
        Map<String, Site> sites = new HashMap<>();
        for (HeapRecording.ThreadStart start : recording.threadStarts()) {
            if (start.at().isBefore(from) || !start.at().isBefore(to)) {
                continue;
            }
            long alive = !endsKnown ? UNKNOWN : recording.endedThreadIds().contains(start.threadId()) ? 0 : 1;
            sites.merge(start.site(), new Site(start.site(), 1, alive, start.threadName()),
                    (a, b) -> new Site(a.site(), a.started() + 1,
                            endsKnown ? a.stillAlive() + b.stillAlive() : UNKNOWN, a.exampleThreadName()));
        }
        return sites;
    }

    /** Busiest leaker first: most threads still alive, then most started. */
    public static java.util.Comparator<Site> byLeakiness() {
        return java.util.Comparator.comparingLong(Site::stillAlive).thenComparingLong(Site::started).reversed()
                .thenComparing(Site::site);
    }
}
