package dev.leakhunt.charts.verdict;

import static dev.leakhunt.charts.verdict.Synthetic.HOUR_MS;
import static dev.leakhunt.charts.verdict.Synthetic.MINUTE_MS;
import static dev.leakhunt.charts.verdict.Synthetic.T0_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LeakOnsetTest {

    @Test
    void aLeakThatStartsAfterAnHourIsNotCalledBeforeIt() {
        Synthetic s = Synthetic.of(3, t -> t < HOUR_MS ? 100 : 100 + 30 * (t - HOUR_MS) / HOUR_MS).white(1, 21);
        OptionalLong since = LeakOnset.leakSince(s.tMs, s.values, SeriesContext.of("count"), (long) (5 * MINUTE_MS));
        assertTrue(since.isPresent());
        assertTrue(since.getAsLong() > T0_MS + HOUR_MS && since.getAsLong() < T0_MS + HOUR_MS + 30 * MINUTE_MS,
                "leak called at +" + (since.getAsLong() - T0_MS) / MINUTE_MS + " min");
    }

    @Test
    void aWatchConfirmsALeakOnlyAfterConsecutiveJudgements() {
        Synthetic s = Synthetic.of(2, t -> 100 + 30 * t / HOUR_MS).white(1, 23);
        LeakOnset watch = new LeakOnset(SeriesContext.of("count"));
        for (int i = 1; i < LeakOnset.CONFIRMATIONS; i++) {
            assertTrue(watch.update(s.tMs, s.values).isEmpty(), "judgement " + i + " alone is no proof");
        }
        assertEquals(OptionalLong.of((long) s.tMs[s.tMs.length - 1]), watch.update(s.tMs, s.values));
        Synthetic flat = Synthetic.of(2, t -> 100).white(1, 24);
        assertTrue(watch.update(flat.tMs, flat.values).isEmpty(), "a flat judgement resets the streak");
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
