package dev.leakhunt.charts.verdict;

import static dev.leakhunt.charts.verdict.Synthetic.HOUR_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SloCheckerTest {

    @Test
    void threadsWithinFivePercentOfTheirLevelPassAndAThreadLeakFails() {
        Synthetic flat = Synthetic.of(2, t -> 40 + (t % 600_000 < 300_000 ? 1 : 0));
        SloResult ok = SloChecker.threadsBounded(flat.tMs, flat.values, flat.judge(SeriesContext.of("count")));
        assertEquals(Boolean.TRUE, ok.pass(), ok.toString());
        Synthetic leak = Synthetic.of(2, t -> 40 + 20 * t / HOUR_MS);
        SloResult bad = SloChecker.threadsBounded(leak.tMs, leak.values, leak.judge(SeriesContext.of("count")));
        assertEquals(Boolean.FALSE, bad.pass(), bad.toString());
        assertTrue(bad.value() > SloChecker.THREADS_BAND);
    }

    @Test
    void liveHeapDriftIsTheFittedChangeOverTheWindowAsAShareOfTheLevel() {
        Synthetic s = Synthetic.of(2, t -> 100e6 * (1 + 0.04 * t / HOUR_MS)).white(0.2e6, 31);
        SloResult drift = SloChecker.liveHeapDrift(s.judge(SeriesContext.of("bytes")));
        assertEquals(0.08 / 1.04, drift.value(), 0.01);
        assertFalse(drift.pass());
    }

    @Test
    void gcPauseP99IsCheckedInMillisecondsOnTheLargestIntervalP99() {
        SloResult ok = SloChecker.gcPauseP99(new double[] {Double.NaN, 1.2e6, 4.9e6, Double.NaN});
        assertEquals(4.9, ok.value(), 1e-9);
        assertTrue(ok.pass());
        assertFalse(SloChecker.gcPauseP99(new double[] {1e6, 5e6}).pass());
        assertNull(SloChecker.gcPauseP99(new double[] {Double.NaN}).pass());
    }

    @Test
    void requestP99MayGrowByTenPercentAtMost() {
        assertTrue(SloChecker.requestP99Drift(100, 110).pass());
        SloResult worse = SloChecker.requestP99Drift(100, 111);
        assertFalse(worse.pass());
        assertEquals(0.11, worse.value(), 1e-12);
        assertNull(SloChecker.requestP99Drift(Double.NaN, 50).pass());
    }

    @Test
    void rowsWhoseSeriesIsMissingOrTooShortAreNotEvaluatedRatherThanFailed() {
        assertNull(SloChecker.notRising("open fds flat", null).pass());
        Synthetic shortRun = Synthetic.of(0.01, t -> 5);
        SeriesVerdict inconclusive = shortRun.judge(SeriesContext.of("count"));
        assertNull(SloChecker.rssPlateau(inconclusive).pass());
    }
}
