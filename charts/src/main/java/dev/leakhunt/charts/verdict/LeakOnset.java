package dev.leakhunt.charts.verdict;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * When a curve first became a leak, from successive judgements of the series as it grows: {@link #observe} takes
 * them one by one as a running soak is re-judged (the live verdict, {@code charts watch}); {@link #leakSince}
 * replays a finished series. One judgement costs O(n log n) in the prefix length plus O(blocks²): about 5 ms for
 * a day of 5 s samples (17,280) on the project's 2-core machine.
 *
 * <p>Judging again and again is multiple testing: a flat series that wanders briefly gets a significant slope on
 * some prefix by chance. So a leak counts only once {@link #CONFIRMATIONS} judgements in a row (inconclusive ones
 * aside) say so <em>and</em> they span {@link #confirmationSpanMs} of sample time, and the answer is the sample
 * time of the first of them. The span matters when checks follow every sampling interval (1–5 s): judgements a few samples
 * apart share nearly all their data, so a streak of them is one chance result seen several times; only a
 * verdict that survives a good deal of new samples is confirmed.
 */
public final class LeakOnset {

    /** Consecutive LEAK verdicts needed. */
    public static final int CONFIRMATIONS = 3;
    /**
     * Sample time from the first to the last confirming judgement, in real time: 2 min is 24 new rows at the default
     * 5 s interval, about 40 % more data than the least evidence the engine accepts.
     */
    public static final long CONFIRMATION_SPAN_MS = 2 * 60_000;
    /**
     * The least span at any time scale: a third of {@link VerdictEngine#MIN_EVIDENCE_FLOOR_MS}, so that even on a
     * fast-forwarded run a confirmation rests on a good share of new samples, never on a streak of seconds.
     */
    public static final long CONFIRMATION_SPAN_FLOOR_MS = 20_000;

    private final long spanMs;
    private int streak;
    private long streakStartMs;

    /** A watch over one series of a running soak whose clock runs {@code timeScale} times real time. */
    public LeakOnset(double timeScale) {
        this.spanMs = confirmationSpanMs(timeScale);
    }

    /** {@link #CONFIRMATION_SPAN_MS} at the given time scale, never below {@link #CONFIRMATION_SPAN_FLOOR_MS}. */
    public static long confirmationSpanMs(double timeScale) {
        return Math.max(CONFIRMATION_SPAN_FLOOR_MS, Math.round(CONFIRMATION_SPAN_MS / timeScale));
    }

    /**
     * One more judgement of the series, made on its samples up to {@code atMs} (the last row's time). Returns
     * when the leak began once it is confirmed, else empty. {@code flat} or {@code plateau} resets the streak;
     * {@code inconclusive} says nothing either way and leaves it as it is — a warm-up knee found on one prefix can
     * leave it too little evidence for a verdict, as happened between the leak verdicts of a real thread leak.
     */
    public OptionalLong observe(Verdict verdict, long atMs) {
        if (verdict == Verdict.INCONCLUSIVE) {
            return OptionalLong.empty();
        }
        if (verdict != Verdict.LEAK) {
            streak = 0;
            return OptionalLong.empty();
        }
        if (streak++ == 0) {
            streakStartMs = atMs;
        }
        return streak >= CONFIRMATIONS && atMs - streakStartMs >= spanMs ? OptionalLong.of(streakStartMs)
                : OptionalLong.empty();
    }

    /**
     * Replays {@link #observe} on the prefixes ending every {@code stepMs} after the first sample: the end time of
     * the first prefix that starts a confirmed run of LEAK verdicts, or empty.
     */
    public static OptionalLong leakSince(double[] tMs, double[] values, SeriesContext context, long stepMs) {
        if (stepMs <= 0) {
            throw new IllegalArgumentException("step must be positive: " + stepMs + " ms");
        }
        LeakOnset watch = new LeakOnset(context.timeScale());
        int end = 0;
        for (double cutMs = tMs.length == 0 ? 0 : tMs[0] + stepMs; end < tMs.length; cutMs += stepMs) {
            while (end < tMs.length && tMs[end] <= cutMs) {
                end++;
            }
            double[] t = Arrays.copyOf(tMs, end);
            Verdict verdict = VerdictEngine.judge(t, Arrays.copyOf(values, end), context).verdict();
            OptionalLong since = watch.observe(verdict, (long) t[end - 1]);
            if (since.isPresent()) {
                return since;
            }
        }
        return OptionalLong.empty();
    }
}
