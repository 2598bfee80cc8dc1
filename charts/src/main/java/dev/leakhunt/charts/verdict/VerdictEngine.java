package dev.leakhunt.charts.verdict;

import java.util.Arrays;
import java.util.Locale;
import org.hipparchus.stat.inference.MannWhitneyUTest;

/**
 * Judges one resource curve: {@link Verdict#FLAT}, {@link Verdict#PLATEAU}, {@link Verdict#LEAK} or
 * {@link Verdict#INCONCLUSIVE}. Pure: arrays in, a {@link SeriesVerdict} out, no I/O, no state.
 *
 * <p>The method, in the order {@link #judge} applies it:
 * <ol>
 *   <li>Warm-up lasts at least the caller's hint, and up to a decelerating knee that {@link WarmupDetector}
 *       finds after it; the search repeats after each knee while the least evidence would remain, so that the
 *       tail of a saturating rise left behind a first knee is warm-up too.</li>
 *   <li>The rest, the evidence window, must last {@link #minEvidenceMs} and is cut into up to
 *       {@link #MAX_BLOCKS} equal-time blocks of at least {@link #MIN_SAMPLES_PER_BLOCK} samples (of equal sample
 *       counts when gaps in the sampling leave fewer than {@link #MIN_BLOCKS} such blocks), each reduced to its
 *       level ({@link SeriesContext#blockLevel()}: the median, the lowest sample for the live heap, the mean for
 *       a counter's rate); a shorter
 *       window or fewer than {@link #MIN_BLOCKS} blocks is inconclusive.</li>
 *   <li>On the block levels: Theil–Sen slope with Sen's {@link #SLOPE_CONFIDENCE} interval, and a Mann–Kendall
 *       test corrected for autocorrelation (Hamed–Rao, on the residuals of the best {@link Hinge}).</li>
 *   <li>A rise is a leak only if it is significant (p &lt; {@link #TREND_ALPHA}, interval above 0), material
 *       (at least {@link #RELATIVE_SLOPE_FLOOR_PER_HOUR} of the level per hour) and not decaying. It decays when
 *       the window's second half climbs, with confidence, at less than {@link #MIN_LATE_SLOPE_RATIO} of the whole
 *       window's slope, or below the floor (the upper end of the second half's interval is below either): a cache
 *       still filling, a one-off step, the JIT's code cache and profiles creeping into RSS and metaspace ever more
 *       slowly. Such a rise is a plateau. Requiring confidence keeps a noisy leak from passing for one. A rise that
 *       one or two level shifts fit far better than a climb ({@link LevelShifts}) is a pool that grew at a few
 *       peaks, and a plateau too.</li>
 *   <li>Without such a rise, the curve is a plateau if it ended materially higher than it started (the blocks of
 *       its last half at least {@link #MIN_PLATEAU_RISE} of the level above those of its first
 *       {@link #PLATEAU_START_MS} ms, significant by a Mann–Whitney test at {@link #TREND_ALPHA}): a warm-up or a
 *       step that stopped. Else it is flat. A material fall is flat too — "does it leak?" is the question, and
 *       the negative slope stays in the numbers.</li>
 * </ol>
 *
 * <p>The wall-clock constants are for real time. On an accelerated run ({@link SeriesContext#timeScale()} above 1:
 * the load's rate multiplied and the target's time constants divided by it) what took an hour takes
 * 1/scale hour, so {@link #minEvidenceMs}, {@link #plateauStartMs} and {@link #relativeSlopeFloorPerHour} scale
 * them; the evidence never drops below {@link #MIN_EVIDENCE_FLOOR_MS}, because the JVM's own warm-up does not
 * accelerate.
 */
public final class VerdictEngine {

    /**
     * A JVM under load spends its first minutes compiling, loading classes and growing pools and caches; a rise
     * seen over less than this, with no warm-up knee behind it, cannot be told from that (a 4 min run of the lab
     * target calls its RSS and its filling cache "rising" all the way). Measured from the end of warm-up.
     */
    public static final long MIN_EVIDENCE_MS = 5 * 60_000;
    /**
     * The least evidence at any time scale: JIT compilation, class loading and the first GC cycles take about a
     * minute of a JVM under load whatever the run's acceleration, and their growth must not pass for a leak.
     */
    public static final long MIN_EVIDENCE_FLOOR_MS = 60_000;
    /** Fewer blocks give Mann–Kendall too little resolution (at 8 blocks the smallest two-sided p is ~0.001). */
    public static final int MIN_BLOCKS = 8;
    /** More blocks would be shorter than the memory of 5 s samples (minutes) on a 1–2 h window. */
    public static final int MAX_BLOCKS = 32;
    public static final int MIN_SAMPLES_PER_BLOCK = 3;
    /**
     * Two-sided significance of the trend. Strict because a report judges ~40 curves at once and the leak gate
     * re-judges a growing series every interval: 40 curves at 0.001 give a clean run at most ~4 % odds of one
     * chance trend before the floor and decay rules even apply, while a real leak over 32 blocks reaches p ~1e-8.
     */
    public static final double TREND_ALPHA = 0.001;
    public static final double SLOPE_CONFIDENCE = 0.95;
    /**
     * The seed's SLO allows a 5 % drift of the live-heap mean over a run of at least 12 h: 5 % / 12 h ≈ 0.42 % of
     * the level per hour. A slope below that, however significant, stays inside the SLO over the run the seed
     * asks for, so it is not called a leak; a 1 %/h leak is well above it.
     */
    public static final double RELATIVE_SLOPE_FLOOR_PER_HOUR = 0.05 / 12;
    /**
     * A leak keeps growing: a rise whose second half surely climbs slower than this fraction of the window's
     * slope is decaying. A saturating warm-up's late slope is a small fraction of its average; a linear leak's is
     * about 1.
     */
    public static final double MIN_LATE_SLOPE_RATIO = 0.3;
    /**
     * A rise from start to end smaller than this share of the level is called flat rather than a plateau: the
     * seed's own tolerance for the drift of a flat curve is 5 %.
     */
    public static final double MIN_PLATEAU_RISE = 0.05;
    /**
     * The plateau rule's "start": the first 15 min (at most an eighth of the series), before the lab's cache is
     * warm (it fills over ~20 min). A fixed time rather than a share of the run, so that a 20 min warm-up still
     * shows on a 24 h run, and cut into {@link #PLATEAU_START_BLOCKS} blocks of its own.
     */
    public static final long PLATEAU_START_MS = 15 * 60_000;
    public static final double PLATEAU_START_MAX_FRACTION = 0.125;
    public static final int PLATEAU_START_BLOCKS = 5;
    /** The plateau rule's "end": the last half of the whole series' blocks, long enough to out-vote a wander. */
    public static final double PLATEAU_END_FRACTION = 0.5;

    private VerdictEngine() {
    }

    /**
     * @param tMs     sample times (epoch ms), ascending
     * @param values  the series, NaN where the cell was empty
     */
    public static SeriesVerdict judge(double[] tMs, double[] values, SeriesContext context) {
        if (tMs.length != values.length) {
            throw new IllegalArgumentException(tMs.length + " times for " + values.length + " values");
        }
        int valid = countValid(values);
        long minSamples = (long) MIN_BLOCKS * MIN_SAMPLES_PER_BLOCK;
        if (valid < minSamples) {
            return inconclusive(context, tMs, tMs.length == 0 ? 0 : (long) tMs[0],
                    valid + " samples, fewer than the " + minSamples + " needed");
        }
        double startMs = firstValidTime(tMs, values);
        double endMs = lastValidTime(tMs, values);
        Blocks whole = equalTimeBlocks(tMs, values, startMs, endMs, context.blockLevel());
        double warmupEndMs = warmupEnd(tMs, values, whole, startMs, endMs, context);
        long minEvidenceMs = minEvidenceMs(context.timeScale());
        if (endMs - warmupEndMs < minEvidenceMs) {
            return inconclusive(context, tMs, (long) warmupEndMs, String.format(Locale.ROOT,
                    "%.1f min of evidence after warm-up, less than the %s min needed", (endMs - warmupEndMs) / 60_000,
                    minutes(minEvidenceMs)));
        }
        Blocks blocks = evidenceBlocks(tMs, values, warmupEndMs, endMs, context.blockLevel());
        if (blocks.size() < MIN_BLOCKS) {
            return inconclusive(context, tMs, (long) warmupEndMs, "only " + blocks.size()
                    + " blocks of " + MIN_SAMPLES_PER_BLOCK + "+ samples after warm-up, fewer than " + MIN_BLOCKS);
        }
        double[] x = blocks.hoursFromFirst();
        double[] y = blocks.levels();
        double level = windowMedian(tMs, values, warmupEndMs, endMs);
        double scale = level != 0 ? Math.abs(level) : maxAbs(y);
        MannKendall.Result trend = trend(x, y);
        TheilSen.Fit fit = TheilSen.fit(x, y, trend.variance(), SLOPE_CONFIDENCE);
        double floorPerHour = relativeSlopeFloorPerHour(context.timeScale()) * scale;
        boolean significant = trend.pValue() < TREND_ALPHA;
        boolean material = Math.abs(fit.slope()) >= floorPerHour && fit.slope() != 0;
        Evidence evidence = new Evidence(context, fit, trend, (long) warmupEndMs, (long) endMs, level);

        if (significant && material && fit.slope() > 0 && fit.ciLow() > 0) {
            int half = blocks.size() / 2;
            double[] xLate = Arrays.copyOfRange(x, half, x.length);
            double[] yLate = Arrays.copyOfRange(y, half, y.length);
            TheilSen.Fit late = TheilSen.fit(xLate, yLate, trend(xLate, yLate).variance(), SLOPE_CONFIDENCE);
            if (late.ciHigh() < MIN_LATE_SLOPE_RATIO * fit.slope()) {
                return evidence.decide(Verdict.PLATEAU, Double.NaN, "rising %.4g {u}/h but decaying: second half "
                        + "at most %.4g {u}/h (< %.2f of it)", fit.slope(), late.ciHigh(), MIN_LATE_SLOPE_RATIO);
            }
            LevelShifts.Comparison shifts = LevelShifts.compare(x, y);
            if (shifts.shiftsWin()) {
                return evidence.decide(Verdict.PLATEAU, Double.NaN, "rising %.4g {u}/h but in steps: %d level "
                        + "shift(s) fit the blocks better than a climb (BIC %.1f against %.1f)", fit.slope(),
                        shifts.shifts(), shifts.shiftsBic(), shifts.climbBic());
            }
            if (late.ciHigh() < floorPerHour) {
                return evidence.decide(Verdict.PLATEAU, Double.NaN, "rising %.4g {u}/h but slowing: second half "
                        + "at most %.4g {u}/h, below the floor of %.4g {u}/h", fit.slope(), late.ciHigh(), floorPerHour);
            }
            double hoursToLimit = Double.NaN;
            if (context.hasLimit()) {
                double levelAtEnd = fit.at(x[x.length - 1]);
                hoursToLimit = Math.max(0, (context.limit() - levelAtEnd) / fit.slope());
            }
            return evidence.decide(Verdict.LEAK, hoursToLimit, "rising %.4g {u}/h (p=%.2g, floor %.4g {u}/h), "
                    + "second half %.4g {u}/h", fit.slope(), trend.pValue(), floorPerHour, late.slope());
        }
        double[] rise = riseAndPValue(tMs, values, startMs, endMs, whole, context);
        if (rise[0] >= MIN_PLATEAU_RISE * scale && rise[1] < TREND_ALPHA) {
            return evidence.decide(Verdict.PLATEAU, Double.NaN, "rose by %.4g {u} from its start to its last half "
                    + "(p=%.2g), then %.4g {u}/h (p=%.2g)", rise[0], rise[1], fit.slope(), trend.pValue());
        }
        String why = significant && material && fit.slope() < 0 ? "falling %.4g {u}/h (p=%.2g): not a leak"
                : "no material significant rise: %.4g {u}/h (p=%.2g)";
        return evidence.decide(Verdict.FLAT, Double.NaN, why, fit.slope(), trend.pValue());
    }

    /**
     * The evidence window's blocks: of equal duration, unless gaps in the sampling leave fewer than
     * {@link #MIN_BLOCKS} of them with {@link #MIN_SAMPLES_PER_BLOCK} samples — a sampler slowed down by an
     * overloaded target (a thread leak of thousands of threads makes each row take seconds) — then of equal sample
     * counts, so that the rows the sampler did take still count.
     */
    private static Blocks evidenceBlocks(double[] tMs, double[] values, double fromMs, double toMs,
                                         BlockLevel level) {
        int count = blockCount(tMs, values, fromMs, toMs);
        Blocks byDuration = Blocks.of(tMs, values, fromMs, toMs, count, MIN_SAMPLES_PER_BLOCK, level);
        return byDuration.size() >= MIN_BLOCKS || count < MIN_BLOCKS ? byDuration
                : Blocks.ofEqualCounts(tMs, values, fromMs, toMs, count, level);
    }

    /** {@link #MIN_EVIDENCE_MS} at the given time scale, never below {@link #MIN_EVIDENCE_FLOOR_MS}. */
    public static long minEvidenceMs(double timeScale) {
        return Math.max(MIN_EVIDENCE_FLOOR_MS, Math.round(MIN_EVIDENCE_MS / timeScale));
    }

    /** {@link #PLATEAU_START_MS} at the given time scale: the lab cache fills in 1/scale of its real time. */
    static double plateauStartMs(double timeScale) {
        return PLATEAU_START_MS / timeScale;
    }

    /** {@link #RELATIVE_SLOPE_FLOOR_PER_HOUR} at the given time scale: the SLO's 12 h pass in 12 h / scale. */
    static double relativeSlopeFloorPerHour(double timeScale) {
        return RELATIVE_SLOPE_FLOOR_PER_HOUR * timeScale;
    }

    /** Whole minutes as an integer (the reasons of real-time runs read "5 min"), others to a tenth. */
    private static String minutes(long ms) {
        return ms % 60_000 == 0 ? Long.toString(ms / 60_000) : String.format(Locale.ROOT, "%.1f", ms / 60_000.0);
    }

    /**
     * Warm-up lasts at least the hint; a decelerating knee after it (or after the start) extends it. A knee can
     * leave the tail of a saturating rise behind it, so the search repeats after each knee found, as long as the
     * least evidence would remain.
     */
    private static double warmupEnd(double[] tMs, double[] values, Blocks whole, double startMs, double endMs,
                                    SeriesContext context) {
        double fromMs = context.warmupHintMs() < 0 ? startMs
                : Math.clamp(tMs[0] + context.warmupHintMs(), startMs, endMs);
        Blocks after = context.warmupHintMs() < 0 ? whole
                : equalTimeBlocks(tMs, values, fromMs, endMs, context.blockLevel());
        double warmupEndMs = WarmupDetector.warmupEndMs(after, fromMs);
        long minEvidenceMs = minEvidenceMs(context.timeScale());
        while (warmupEndMs > fromMs && endMs - warmupEndMs >= minEvidenceMs) {
            fromMs = warmupEndMs;
            after = equalTimeBlocks(tMs, values, fromMs, endMs, context.blockLevel());
            double nextKneeMs = WarmupDetector.warmupEndMs(after, fromMs);
            if (endMs - nextKneeMs >= minEvidenceMs) {
                warmupEndMs = nextKneeMs;
            }
        }
        return warmupEndMs;
    }

    /**
     * Median of the blocks of the last half minus that of the start's blocks, and the Mann–Whitney p-value between
     * the two groups.
     */
    private static double[] riseAndPValue(double[] tMs, double[] values, double startMs, double endMs,
                                          Blocks whole, SeriesContext context) {
        double startWindowMs = Math.min(plateauStartMs(context.timeScale()),
                (endMs - startMs) * PLATEAU_START_MAX_FRACTION);
        double[] first = Blocks.of(tMs, values, startMs, startMs + startWindowMs, PLATEAU_START_BLOCKS,
                MIN_SAMPLES_PER_BLOCK, context.blockLevel()).levels();
        int endBlocks = (int) Math.floor(whole.size() * PLATEAU_END_FRACTION);
        if (first.length < MIN_SAMPLES_PER_BLOCK || endBlocks < MIN_SAMPLES_PER_BLOCK) {
            return new double[] {0, 1};
        }
        double[] last = Arrays.copyOfRange(whole.levels(), whole.size() - endBlocks, whole.size());
        double p = new MannWhitneyUTest().mannWhitneyUTest(first, last);
        return new double[] {Blocks.median(last) - Blocks.median(first), p};
    }

    /** The window's equal-duration blocks, as many as its samples allow (see {@link #blockCount}). */
    private static Blocks equalTimeBlocks(double[] tMs, double[] values, double fromMs, double toMs,
                                          BlockLevel level) {
        return Blocks.of(tMs, values, fromMs, toMs, blockCount(tMs, values, fromMs, toMs), MIN_SAMPLES_PER_BLOCK,
                level);
    }

    private static int blockCount(double[] tMs, double[] values, double fromMs, double toMs) {
        int n = 0;
        for (int i = 0; i < tMs.length; i++) {
            if (!Double.isNaN(values[i]) && tMs[i] >= fromMs && tMs[i] <= toMs) {
                n++;
            }
        }
        return Math.max(1, Math.min(MAX_BLOCKS, n / MIN_SAMPLES_PER_BLOCK));
    }

    private static double windowMedian(double[] tMs, double[] values, double fromMs, double toMs) {
        double[] inside = new double[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i]) && tMs[i] >= fromMs && tMs[i] <= toMs) {
                inside[n++] = values[i];
            }
        }
        return n == 0 ? Double.NaN : Blocks.median(Arrays.copyOf(inside, n));
    }

    private static MannKendall.Result trend(double[] x, double[] y) {
        return MannKendall.test(y, Hinge.best(x, y, 1, x.length - 1).residuals());
    }

    private static int countValid(double[] values) {
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    private static double firstValidTime(double[] tMs, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                return tMs[i];
            }
        }
        throw new IllegalStateException("no valid sample");
    }

    private static double lastValidTime(double[] tMs, double[] values) {
        for (int i = values.length - 1; i >= 0; i--) {
            if (!Double.isNaN(values[i])) {
                return tMs[i];
            }
        }
        throw new IllegalStateException("no valid sample");
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    static SeriesVerdict inconclusive(SeriesContext context, double[] tMs, long windowStartMs,
                                              String reason) {
        long endMs = tMs.length == 0 ? windowStartMs : (long) tMs[tMs.length - 1];
        return new SeriesVerdict(Verdict.INCONCLUSIVE, Double.NaN, Double.NaN, Double.NaN, context.unit(),
                Double.NaN, windowStartMs, endMs, Double.NaN, Double.NaN, reason);
    }

    /**
     * The numbers every decided verdict carries, so each rule only adds its verdict and its sentence; {@code {u}}
     * in the sentence stands for the series' unit.
     */
    private record Evidence(SeriesContext context, TheilSen.Fit fit, MannKendall.Result trend, long windowStartMs,
                            long windowEndMs, double level) {

        SeriesVerdict decide(Verdict verdict, double hoursToLimit, String reasonFormat, Object... args) {
            return new SeriesVerdict(verdict, fit.slope(), fit.ciLow(), fit.ciHigh(), context.unit(), hoursToLimit,
                    windowStartMs, windowEndMs, level, trend.pValue(),
                    String.format(Locale.ROOT, reasonFormat.replace("{u}", context.unit()), args));
        }
    }
}
