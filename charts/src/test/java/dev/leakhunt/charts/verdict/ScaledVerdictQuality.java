package dev.leakhunt.charts.verdict;

import java.util.Locale;

/**
 * The figures behind the README's known limits of the scaled engine: how often a saturating fill and
 * autocorrelated noise come out {@code leak} at ACCEL 5 with one row a second, over 40 seeds each — the
 * boundaries of what {@link ScaledVerdictTest} pins. Run from the module's test classpath; prints one line per case.
 */
final class ScaledVerdictQuality {

    private static final SeriesContext ACCEL_5 = SeriesContext.of("count").withTimeScale(5);
    private static final long SECOND_MS = 1_000;
    private static final int SEEDS = 40;

    private ScaledVerdictQuality() {
    }

    public static void main(String[] args) {
        for (double tauS : new double[] {10, 15, 20, 30}) {
            int leaks = 0;
            for (long seed = 0; seed < SEEDS; seed++) {
                Synthetic fill = Synthetic.every(SECOND_MS, 3 * Synthetic.MINUTE_MS,
                        t -> 1_000 + 300 * (1 - Math.exp(-t / (tauS * SECOND_MS)))).white(3, seed);
                leaks += fill.judge(ACCEL_5).verdict() == Verdict.LEAK ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "fill 1-e^(-t/%.0f s) over 3 min: leak in %d of %d%n", tauS, leaks, SEEDS);
        }
        for (double phi : new double[] {0.6, 0.8, 0.9}) {
            int single = 0;
            int confirmed = 0;
            for (long seed = 0; seed < SEEDS; seed++) {
                Synthetic twoMinutes = Synthetic.every(SECOND_MS, 2 * Synthetic.MINUTE_MS, t -> 1_000)
                        .ar1(phi, 5, seed);
                single += twoMinutes.judge(ACCEL_5).verdict() == Verdict.LEAK ? 1 : 0;
                Synthetic fourMinutes = Synthetic.every(SECOND_MS, 4 * Synthetic.MINUTE_MS, t -> 1_000)
                        .ar1(phi, 5, seed);
                confirmed += LeakOnset.leakSince(fourMinutes.tMs, fourMinutes.values, ACCEL_5, SECOND_MS)
                        .isPresent() ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "AR(1) noise, lag-1 correlation %.1f: one 2 min judgement leak in %d of %d;"
                    + " confirmed re-judging 4 min every second in %d of %d%n", phi, single, SEEDS, confirmed, SEEDS);
        }
    }
}
