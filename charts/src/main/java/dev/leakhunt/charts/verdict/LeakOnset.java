package dev.leakhunt.charts.verdict;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * When a curve first became a leak: {@link VerdictEngine#judge} re-run on growing prefixes of the series. The
 * leak gate and STOP_ON_LEAK ask the same question once per interval on the samples so far; one judgement costs
 * O(n log n) in the prefix length plus O(blocks²): about 5 ms for a day of 5 s samples (17,280) on the
 * project's 2-core machine.
 *
 * <p>Judging again and again is multiple testing: a flat series that wanders briefly gets a significant slope on
 * some prefix by chance. So a leak counts only once {@link #CONFIRMATIONS} consecutive checks say so, and the
 * answer is the first of them.
 */
public final class LeakOnset {

    /** Consecutive LEAK verdicts needed; with checks 5 min apart a chance streak of seconds never qualifies. */
    public static final int CONFIRMATIONS = 3;

    private LeakOnset() {
    }

    /**
     * The end time of the first prefix, among prefixes ending every {@code stepMs} after the first sample, that
     * starts a run of {@link #CONFIRMATIONS} consecutive {@link Verdict#LEAK} verdicts; empty when none does.
     */
    public static OptionalLong leakSince(double[] tMs, double[] values, SeriesContext context, long stepMs) {
        if (stepMs <= 0) {
            throw new IllegalArgumentException("step must be positive: " + stepMs + " ms");
        }
        if (tMs.length == 0) {
            return OptionalLong.empty();
        }
        int end = 0;
        int streak = 0;
        long streakStartMs = 0;
        for (double cutMs = tMs[0] + stepMs; end < tMs.length; cutMs += stepMs) {
            while (end < tMs.length && tMs[end] <= cutMs) {
                end++;
            }
            SeriesVerdict verdict = VerdictEngine.judge(Arrays.copyOf(tMs, end), Arrays.copyOf(values, end), context);
            if (verdict.verdict() != Verdict.LEAK) {
                streak = 0;
                continue;
            }
            if (streak++ == 0) {
                streakStartMs = (long) tMs[end - 1];
            }
            if (streak == CONFIRMATIONS) {
                return OptionalLong.of(streakStartMs);
            }
        }
        return OptionalLong.empty();
    }
}
