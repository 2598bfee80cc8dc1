package dev.leakhunt.charts.localize;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who started threads: the {@code jdk.ThreadStart} events of a {@code heap.jfr} dump, whose stack is the
 * parent's at {@code Thread.start()} — Go's "created by" line. For pool threads it is the first
 * {@code submit()}/{@code execute()} that made the pool grow.
 */
public final class ThreadStarts {

    /** A creating site with the threads it started in the window and one of their names as an example. */
    public record Site(String site, long started, String exampleThreadName) {
    }

    private ThreadStarts() {
    }

    /** Threads started in {@code [fromMs, toMs)}, by creating site. */
    public static Map<String, Site> between(List<HeapRecording.ThreadStart> starts, long fromMs, long toMs) {
        Instant from = Instant.ofEpochMilli(fromMs);
        Instant to = Instant.ofEpochMilli(toMs);
        Map<String, Site> sites = new HashMap<>();
        for (HeapRecording.ThreadStart start : starts) {
            if (!start.at().isBefore(from) && start.at().isBefore(to)) {
                sites.merge(start.site(), new Site(start.site(), 1, start.threadName()),
                        (a, b) -> new Site(a.site(), a.started() + 1, a.exampleThreadName()));
            }
        }
        return sites;
    }
}
