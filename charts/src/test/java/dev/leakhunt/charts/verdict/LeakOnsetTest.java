package dev.leakhunt.charts.verdict;

import static dev.leakhunt.charts.verdict.Synthetic.HOUR_MS;
import static dev.leakhunt.charts.verdict.Synthetic.MINUTE_MS;
import static dev.leakhunt.charts.verdict.Synthetic.T0_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LeakOnsetTest {

    private static final long MINUTE_MS_LONG = (long) MINUTE_MS;

    @Test
    void aLeakThatStartsAfterAnHourIsNotCalledBeforeIt() {
        Synthetic s = Synthetic.of(3, t -> t < HOUR_MS ? 100 : 100 + 30 * (t - HOUR_MS) / HOUR_MS).white(1, 21);
        OptionalLong since = LeakOnset.leakSince(s.tMs, s.values, SeriesContext.of("count"), (long) (5 * MINUTE_MS));
        assertTrue(since.isPresent());
        assertTrue(since.getAsLong() > T0_MS + HOUR_MS && since.getAsLong() < T0_MS + HOUR_MS + 30 * MINUTE_MS,
                "leak called at +" + (since.getAsLong() - T0_MS) / MINUTE_MS + " min");
    }

    @Test
    void aWatchConfirmsALeakOnlyAfterConsecutiveJudgementsSpanningNewSamples() {
        long t0 = (long) T0_MS;
        LeakOnset watch = new LeakOnset(SeriesContext.REAL_TIME);
        for (int i = 0; i < 2 * LeakOnset.CONFIRMATIONS; i++) {
            assertTrue(watch.observe(Verdict.LEAK, t0 + i * 5_000L).isEmpty(),
                    "judgement " + (i + 1) + ", " + i * 5 + " s after the first: a streak of seconds is no proof");
        }
        assertEquals(OptionalLong.of(t0), watch.observe(Verdict.LEAK, t0 + LeakOnset.CONFIRMATION_SPAN_MS));
        assertTrue(watch.observe(Verdict.FLAT, t0 + 3 * MINUTE_MS_LONG).isEmpty(), "a flat judgement resets");

        long t1 = t0 + 10 * MINUTE_MS_LONG;
        assertTrue(watch.observe(Verdict.LEAK, t1).isEmpty());
        assertTrue(watch.observe(Verdict.LEAK, t1 + 10 * MINUTE_MS_LONG).isEmpty(), "two judgements are no proof");
        assertEquals(OptionalLong.of(t1), watch.observe(Verdict.LEAK, t1 + 11 * MINUTE_MS_LONG));
    }

    @Test
    void anInconclusiveJudgementNeitherCountsNorResets() {
        long t0 = (long) T0_MS;
        LeakOnset watch = new LeakOnset(SeriesContext.REAL_TIME);
        assertTrue(watch.observe(Verdict.LEAK, t0).isEmpty());
        assertTrue(watch.observe(Verdict.INCONCLUSIVE, t0 + MINUTE_MS_LONG).isEmpty());
        assertTrue(watch.observe(Verdict.LEAK, t0 + 2 * MINUTE_MS_LONG).isEmpty(), "two leak judgements so far");
        assertTrue(watch.observe(Verdict.INCONCLUSIVE, t0 + 3 * MINUTE_MS_LONG).isEmpty(), "confirms nothing");
        assertEquals(OptionalLong.of(t0), watch.observe(Verdict.LEAK, t0 + 4 * MINUTE_MS_LONG));
    }

    @Test
    void theConfirmationSpanFollowsTheTimeScaleDownToItsFloor() {
        assertEquals(LeakOnset.CONFIRMATION_SPAN_MS, LeakOnset.confirmationSpanMs(1));
        assertEquals(24_000, LeakOnset.confirmationSpanMs(5));
        assertEquals(LeakOnset.CONFIRMATION_SPAN_FLOOR_MS, LeakOnset.confirmationSpanMs(50));
        LeakOnset watch = new LeakOnset(5);
        long t0 = (long) T0_MS;
        for (int s = 0; s < 24; s++) {
            assertTrue(watch.observe(Verdict.LEAK, t0 + s * 1_000L).isEmpty(), s + " s");
        }
        assertEquals(OptionalLong.of(t0), watch.observe(Verdict.LEAK, t0 + 24_000));
    }

    /** Re-judging every 5 min is multiple testing; the confirmations keep white noise from ever being a leak. */
    @Test
    void aFlatSeriesNeverBecomesALeak() {
        for (long seed = 0; seed < 30; seed++) {
            Synthetic s = Synthetic.of(2, t -> 100).white(2, seed);
            assertTrue(LeakOnset.leakSince(s.tMs, s.values, SeriesContext.of("count"), (long) (5 * MINUTE_MS))
                    .isEmpty(), "seed " + seed);
        }
    }
}
