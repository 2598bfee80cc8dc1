package dev.leakhunt.charts.verdict;

import static dev.leakhunt.charts.verdict.Synthetic.MINUTE_MS;
import static dev.leakhunt.charts.verdict.Synthetic.T0_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The engine on an accelerated run, the leak gate's case: ACCEL 5, one row a second, a few minutes of load. At
 * real time the same series are too short to judge.
 */
class ScaledVerdictTest {

    private static final double SCALE = 5;
    private static final long SECOND_MS = 1_000;
    private static final SeriesContext SCALED = SeriesContext.of("count").withTimeScale(SCALE);

    @Test
    void theWallClockConstantsFollowTheScaleAndTheEvidenceKeepsItsFloor() {
        assertEquals(VerdictEngine.MIN_EVIDENCE_MS, VerdictEngine.minEvidenceMs(1));
        assertEquals(VerdictEngine.MIN_EVIDENCE_MS / 3, VerdictEngine.minEvidenceMs(3));
        assertEquals(VerdictEngine.MIN_EVIDENCE_FLOOR_MS, VerdictEngine.minEvidenceMs(50),
                "the JVM's own warm-up does not accelerate");
        assertEquals(VerdictEngine.PLATEAU_START_MS / SCALE, VerdictEngine.plateauStartMs(SCALE));
        assertEquals(VerdictEngine.RELATIVE_SLOPE_FLOOR_PER_HOUR * SCALE,
                VerdictEngine.relativeSlopeFloorPerHour(SCALE));
    }

    @Test
    void aLeakOverTwoMinutesIsFound() {
        Synthetic s = Synthetic.every(SECOND_MS, 2 * MINUTE_MS, t -> 1_000 + 2 * t / SECOND_MS).white(5, 31);
        SeriesVerdict v = s.judge(SCALED);
        assertEquals(Verdict.LEAK, v.verdict(), v.reason());
        assertTrue(v.ciLowPerHour() < 7_200 && 7_200 < v.ciHighPerHour(), v.toString());
        SeriesVerdict realTime = s.judge(SeriesContext.of("count"));
        assertEquals(Verdict.INCONCLUSIVE, realTime.verdict(), "2 min is too short at real time: " + realTime.reason());
    }

    @Test
    void aFillThatPlateausWithinTheWindowIsNotALeak() {
        for (long seed = 0; seed < 10; seed++) {
            Synthetic s = Synthetic.every(SECOND_MS, 3 * MINUTE_MS,
                    t -> 1_000 + 300 * (1 - Math.exp(-t / (10.0 * SECOND_MS)))).white(3, seed);
            SeriesVerdict v = s.judge(SCALED);
            assertEquals(Verdict.PLATEAU, v.verdict(), "seed " + seed + ": " + v.reason());
        }
    }

    @Test
    void noiseIsFlat() {
        for (long seed = 0; seed < 20; seed++) {
            SeriesVerdict white = Synthetic.every(SECOND_MS, 2 * MINUTE_MS, t -> 1_000).white(5, seed).judge(SCALED);
            assertEquals(Verdict.FLAT, white.verdict(), "white, seed " + seed + ": " + white.reason());
            SeriesVerdict ar1 = Synthetic.every(SECOND_MS, 2 * MINUTE_MS, t -> 1_000).ar1(0.6, 5, seed)
                    .judge(SCALED);
            assertTrue(ar1.verdict() != Verdict.LEAK, "AR(1), seed " + seed + ": " + ar1.reason());
        }
    }

    /** Re-judged every second, as the live verdict does during the leak gate. */
    @Test
    void reJudgedEverySecondNoiseIsNeverConfirmedAndALeakIsConfirmedSoonAfterItStarts() {
        for (long seed = 0; seed < 10; seed++) {
            Synthetic flat = Synthetic.every(SECOND_MS, 4 * MINUTE_MS, t -> 1_000).ar1(0.5, 5, seed);
            assertTrue(LeakOnset.leakSince(flat.tMs, flat.values, SCALED, SECOND_MS).isEmpty(), "seed " + seed);
        }
        double leakStartMs = MINUTE_MS;
        Synthetic leak = Synthetic.every(SECOND_MS, 4 * MINUTE_MS,
                t -> t < leakStartMs ? 1_000 : 1_000 + 2 * (t - leakStartMs) / SECOND_MS).white(5, 7);
        OptionalLong since = LeakOnset.leakSince(leak.tMs, leak.values, SCALED, SECOND_MS);
        assertTrue(since.isPresent(), "never confirmed");
        double afterStartS = (since.getAsLong() - T0_MS - leakStartMs) / SECOND_MS;
        assertTrue(afterStartS > 0 && afterStartS < 90, "confirmed " + afterStartS + " s after the leak began");
    }
}
