package dev.leakhunt.charts.verdict;

import java.util.List;
import java.util.OptionalLong;

/**
 * A {@code verdicts.json} leak entry: a series judged {@link Verdict#LEAK}, what kind of resource it is
 * ({@code heap}, {@code threads}, {@code fds}, …), the code sites the profiles blame, best first, and since when
 * the series has been a confirmed leak ({@link LeakOnset}), when known.
 */
public record Leak(String series, String kind, List<String> sites, OptionalLong sinceMs) {

    public Leak {
        sites = List.copyOf(sites);
    }

    /** A leak whose onset is not known (yet). */
    public Leak(String series, String kind, List<String> sites) {
        this(series, kind, sites, OptionalLong.empty());
    }

    public Leak withSinceMs(OptionalLong ms) {
        return new Leak(series, kind, sites, ms);
    }
}
