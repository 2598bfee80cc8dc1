package dev.leakhunt.charts.verdict;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SequencedSet;

/**
 * The verdict of a running soak, re-judged at every check on the rows so far: each series' judgement (the same
 * {@link RunSeries} contexts the report uses) feeds that series' {@link LeakOnset}, and a series whose leak is
 * confirmed is reported once and no longer judged. Pure: the caller reads the files and records what it returns.
 */
public final class LiveVerdict {

    /** A series newly confirmed as a leak: since when ({@link LeakOnset}) and the judgement that confirmed it. */
    public record Confirmed(String series, long sinceMs, SeriesVerdict verdict) {
    }

    private final Map<String, LeakOnset> onsets = new HashMap<>();
    private final SequencedSet<String> confirmed = new LinkedHashSet<>();

    /** Judges every series not yet confirmed, as of the last row; the ones this check confirmed, in column order. */
    public List<Confirmed> check(RunSeries series) {
        List<Confirmed> fresh = new ArrayList<>();
        for (String name : series.names()) {
            if (confirmed.contains(name)) {
                continue;
            }
            SeriesVerdict verdict = series.judge(name);
            LeakOnset onset = onsets.computeIfAbsent(name, n -> new LeakOnset(series.context(n).timeScale()));
            OptionalLong since = onset.observe(verdict.verdict(), series.lastRowMs());
            if (since.isPresent()) {
                confirmed.add(name);
                fresh.add(new Confirmed(name, since.getAsLong(), verdict));
            }
        }
        return fresh;
    }

    /** Every series confirmed so far, in the order they were. */
    public SequencedSet<String> confirmed() {
        return Collections.unmodifiableSequencedSet(confirmed);
    }
}
