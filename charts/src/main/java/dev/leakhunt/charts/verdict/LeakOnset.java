package dev.leakhunt.charts.verdict;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * When a curve first became a leak: {@link VerdictEngine#judge} re-run on growing prefixes of the series. One
 * judgement costs O(n log n) in the prefix length plus O(blocks²): about 5 ms for a day of 5 s samples (17,280)
 * on the project's 2-core machine, so a running soak can afford one per sampling interval — that is
 * {@link #update}, for the leak gate and STOP_ON_LEAK; {@link #leakSince} replays a finished series.
 *
 * <p>Judging again and again is multiple testing: a flat series that wanders briefly gets a significant slope on
 * some prefix by chance. So a leak counts only once {@link #CONFIRMATIONS} consecutive judgements say so, and the
 * answer is the time of the first of them.
 */
public final class LeakOnset {

    /** Consecutive LEAK verdicts needed; with checks 5 min apart a chance streak of seconds never qualifies. */
    public static final int CONFIRMATIONS = 3;

    private final SeriesContext context;
    private int streak;
    private long streakStartMs;

    /** A watch over one series of a running soak. */
    public LeakOnset(SeriesContext context) {
        this.context = context;
    }

    /**
     * Judges the series as sampled so far (times ascending, NaN for empty cells) and returns when the leak began
     * once it is confirmed, else empty. Call it with the whole series at every check.
     */
    public OptionalLong update(double[] tMs, double[] values) {
        if (tMs.length == 0 || VerdictEngine.judge(tMs, values, context).verdict() != Verdict.LEAK) {
            streak = 0;
            return OptionalLong.empty();
        }
        if (streak++ == 0) {
            streakStartMs = (long) tMs[tMs.length - 1];
        }
        return streak >= CONFIRMATIONS ? OptionalLong.of(streakStartMs) : OptionalLong.empty();
    }

    /**
     * Replays {@link #update} on the prefixes ending every {@code stepMs} after the first sample: the end time of
     * the first prefix that starts a run of {@link #CONFIRMATIONS} LEAK verdicts, or empty.
     */
    public static OptionalLong leakSince(double[] tMs, double[] values, SeriesContext context, long stepMs) {
        if (stepMs <= 0) {
            throw new IllegalArgumentException("step must be positive: " + stepMs + " ms");
        }
        LeakOnset watch = new LeakOnset(context);
        int end = 0;
        for (double cutMs = tMs.length == 0 ? 0 : tMs[0] + stepMs; end < tMs.length; cutMs += stepMs) {
            while (end < tMs.length && tMs[end] <= cutMs) {
                end++;
            }
            OptionalLong since = watch.update(Arrays.copyOf(tMs, end), Arrays.copyOf(values, end));
            if (since.isPresent()) {
                return since;
            }
        }
        return OptionalLong.empty();
    }
}
