package dev.leakhunt.charts.verdict;

import java.util.List;

/**
 * A {@code verdicts.json} leak entry: a series judged {@link Verdict#LEAK}, what kind of resource it is
 * ({@code heap}, {@code threads}, {@code fds}, …) and the code sites the profiles blame, best first.
 */
public record Leak(String series, String kind, List<String> sites) {

    public Leak {
        sites = List.copyOf(sites);
    }
}
