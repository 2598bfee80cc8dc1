package dev.leakhunt.charts.verdict;

import dev.leakhunt.charts.curves.CounterRate;
import dev.leakhunt.charts.run.Samples;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SequencedSet;
import java.util.Set;

/**
 * The series of a run that get a verdict, each with its context: the one place that decides what is judged and
 * how, shared by the report ({@link RunVerdicts}) and the live verdict ({@code charts watch}).
 *
 * <p>Cumulative counters ({@code *_total}, {@code gc_cycles}, {@code *_seconds}) always rise while the
 * target lives, so their rate per wall-clock second is judged instead, under {@code <column>_per_s}
 * ({@code gc_cpu_seconds_per_s} is the GC CPU fraction of one core). Limit columns are not resources and are
 * not judged; they give the limit of the series they bound (their last value).
 *
 * <p>Some rules look across series, so that a rise is blamed on what explains it. The memory that grows with
 * compilation waits for the JIT to settle ({@link JitActivity}). Metaspace that rises while {@code classes_loaded}
 * does not is called a plateau: with no new classes, what grows is the per-method data of the classes already
 * there (profiles, counters), bounded by their number — the JIT's creep, measured at +0.46 MB/h on a 20 min clean
 * run; a class-loader leak raises both, and while {@code classes_loaded} leaks, metaspace is judged without
 * waiting for the JIT. Heap used and committed that rise while the live heap does not are the collector sizing the
 * heap (a 10 min control: committed +143 MB/h, live heap flat), bounded by the heap's maximum: a plateau. And RSS
 * that rises only as much as the committed heap (RSS minus committed heap not a leak) is that growth: a plateau
 * too; a native leak raises the difference. RSS that rises while the native memory the JVM committed (Native
 * Memory Tracking's total) does not is memory the C allocator kept after the JVM freed it — on a 20 min clean run
 * +4.6 MB in 9 min with the total level, the JIT's arenas coming and going — not live memory: a plateau; a
 * thread, direct-buffer or class leak raises the total too.
 */
public final class RunSeries {

    /** The sampler's own figures: judged and reported, but they are not the target's resources. */
    public static final Set<String> SAMPLER_SELF = Set.of("sampler_rss_bytes",
            RunVerdicts.rateName("sampler_cpu_seconds"));

    private static final Set<String> LIMIT_COLUMNS = Set.of("heap_max_bytes", "fd_limit");
    private static final Set<String> HEAP_COLUMNS = Set.of("heap_live_bytes", "heap_used_bytes",
            "heap_committed_bytes");
    private static final Set<String> MEMORY_COLUMNS = Set.of("rss_bytes", "nmt_committed_bytes");
    private static final String METASPACE = "metaspace_used_bytes";
    private static final String CLASSES = "classes_loaded";
    private static final String HEAP_LIVE = "heap_live_bytes";
    private static final String HEAP_COMMITTED = "heap_committed_bytes";
    private static final String RSS = "rss_bytes";
    private static final String NMT_COMMITTED = "nmt_committed_bytes";
    /** While the JIT compiles, a class rise slower than this share of the level an hour is warm-up (below). */
    static final double WARMING_CLASSES_PER_LEVEL_HOUR = 1.0;
    /** Fewer classes than this over the evidence window are a service's rarer code paths run for the first time. */
    static final double MIN_LEAKED_CLASSES = 100;
    /**
     * Series whose limit is where the process fails (EMFILE, OutOfMemoryError, the cgroup's OOM kill): pinned
     * there, they are a leak that ran its course ({@link AtLimit}). Committed heap at its maximum is a sizing.
     */
    private static final Set<String> FAILS_AT_LIMIT = Set.of("open_fds", HEAP_LIVE, RSS);
    /** Heap series the collector sizes: they follow the live heap up to the heap's maximum. */
    private static final Set<String> SIZED_BY_THE_COLLECTOR = Set.of("heap_used_bytes", HEAP_COMMITTED);
    /**
     * The live verdict re-judges every interval; a replay of a finished run judges at most every eighth of the
     * least evidence, which keeps a day's replay to a few thousand judgements.
     */
    private static final int REPLAY_STEPS_PER_MIN_EVIDENCE = 8;

    private final double[] tMs;
    private final Map<String, double[]> values;
    private final Map<String, SeriesContext> contexts;
    private final JitActivity jit;

    private RunSeries(double[] tMs, Map<String, double[]> values, Map<String, SeriesContext> contexts,
                      JitActivity jit) {
        this.tMs = tMs;
        this.values = Collections.unmodifiableMap(values);
        this.contexts = Collections.unmodifiableMap(contexts);
        this.jit = jit;
    }

    public static RunSeries of(Samples samples, RunContext run) {
        long[] ts = samples.tsMs();
        double[] tMs = new double[ts.length];
        for (int i = 0; i < ts.length; i++) {
            tMs[i] = ts[i];
        }
        double heapMax = lastValue(samples, "heap_max_bytes");
        double fdLimit = lastValue(samples, "fd_limit");
        JitActivity jit = samples.column(JitActivity.COLUMN).map(cells -> JitActivity.of(ts, cells))
                .orElse(JitActivity.UNKNOWN);
        Map<String, double[]> values = new LinkedHashMap<>();
        Map<String, SeriesContext> contexts = new LinkedHashMap<>();
        for (String column : samples.columnNames()) {
            Optional<String> key = verdictKey(column);
            if (key.isEmpty()) {
                continue;
            }
            double[] cells = samples.column(column).orElseThrow();
            String name = key.get();
            String unit = isCumulative(column) ? unitOf(column) + "/s" : unitOf(column);
            double limit = HEAP_COLUMNS.contains(name) ? heapMax
                    : MEMORY_COLUMNS.contains(name) ? run.memoryLimitBytes()
                    : isFdColumn(name) ? fdLimit : Double.NaN;
            values.put(name, isCumulative(column) ? CounterRate.perWallSecond(ts, cells) : cells);
            SeriesContext context = run.series(unit, limit).withBlockLevel(blockLevel(column));
            contexts.put(name, context.withWarmupHint(jit.warmupHintMs(name, context.warmupHintMs(), ts[0])));
        }
        return new RunSeries(tMs, values, contexts, jit);
    }

    /**
     * The key a {@code samples.csv} column is judged under: itself, its rate ({@code <column>_per_s}) for a
     * cumulative counter, none for a limit column.
     */
    public static Optional<String> verdictKey(String column) {
        if (LIMIT_COLUMNS.contains(column)) {
            return Optional.empty();
        }
        return Optional.of(isCumulative(column) ? RunVerdicts.rateName(column) : column);
    }

    /** The verdict keys, in {@code samples.csv} column order. */
    public SequencedSet<String> names() {
        return Collections.unmodifiableSequencedSet(new LinkedHashSet<>(values.keySet()));
    }

    public SeriesVerdict judge(String name) {
        SeriesContext context = context(name);
        Optional<Verdict> classes = name.equals(METASPACE) && values.containsKey(CLASSES)
                ? Optional.of(classesLoaded().verdict())
                : Optional.empty();
        // New classes explain a metaspace that grows with them, whatever the JIT does meanwhile.
        if (jit.stillWarming(name) && classes.filter(Verdict.LEAK::equals).isEmpty()) {
            return VerdictEngine.inconclusive(context, tMs, lastRowMs(), jit.stillWarmingReason());
        }
        SeriesVerdict verdict = name.equals(CLASSES) ? classesLoaded()
                : VerdictEngine.judge(tMs, values(name), context);
        if (verdict.verdict() != Verdict.LEAK) {
            return FAILS_AT_LIMIT.contains(name) ? AtLimit.of(tMs, values(name), context, verdict).orElse(verdict)
                    : verdict;
        }
        if (classes.filter(c -> c == Verdict.FLAT || c == Verdict.PLATEAU).isPresent()) {
            return verdict.withVerdict(Verdict.PLATEAU, verdict.reason() + "; but " + CLASSES + " is "
                    + classes.get().jsonName() + ": per-method data of the loaded classes, bounded by them");
        }
        if (SIZED_BY_THE_COLLECTOR.contains(name) && values.containsKey(HEAP_LIVE)) {
            Verdict live = VerdictEngine.judge(tMs, values(HEAP_LIVE), context(HEAP_LIVE)).verdict();
            if (live == Verdict.FLAT || live == Verdict.PLATEAU) {
                return verdict.withVerdict(Verdict.PLATEAU, verdict.reason() + "; but " + HEAP_LIVE + " is "
                        + live.jsonName() + ": the collector sized the heap up, bounded by its maximum");
            }
        }
        if (name.equals(RSS) && values.containsKey(HEAP_COMMITTED)) {
            SeriesVerdict nativePart = VerdictEngine.judge(tMs, minus(values(RSS), values(HEAP_COMMITTED)), context);
            if (nativePart.verdict() != Verdict.LEAK) {
                return verdict.withVerdict(Verdict.PLATEAU, verdict.reason() + "; but " + RSS + " minus "
                        + HEAP_COMMITTED + " is " + nativePart.verdict().jsonName() + ": the heap's growth");
            }
        }
        if (name.equals(RSS) && values.containsKey(NMT_COMMITTED)) {
            Verdict committed = judge(NMT_COMMITTED).verdict();
            if (committed == Verdict.FLAT || committed == Verdict.PLATEAU) {
                return verdict.withVerdict(Verdict.PLATEAU, verdict.reason() + "; but " + NMT_COMMITTED + " is "
                        + committed.jsonName() + ": the memory the JVM holds did not grow, so this is memory the "
                        + "C allocator kept after the JVM freed it (the JIT's arenas), not returned to the OS "
                        + "(a native library's leak would look the same; -XX:TrimNativeHeapInterval tells them apart)");
            }
        }
        return verdict;
    }

    /**
     * {@code classes_loaded}'s verdict. While the JIT compiles, the service still runs code paths for the first
     * time, and each loads the classes it needs: the lab's 150 s control (CI, 2026-11-24) loaded 52 classes after
     * its load started, ever more slowly, +647/h in its window, a tenth of its 6,480 classes an hour, and was called
     * a leak. A class-loader leak defines classes at the request rate: the lab's at 20 times its level an hour. So
     * until the JIT settles, a rise slower than {@link #WARMING_CLASSES_PER_LEVEL_HOUR} of the level an hour is
     * warm-up. And once it has settled, rare paths still run for the first time: the lab's fixed service under the
     * fd experiment loaded 9 classes in its last 4 minutes (+118/h on 6,476), too few to be called a leak in a
     * short run: a rise of fewer than {@link #MIN_LEAKED_CLASSES} over the window is not one.
     */
    private SeriesVerdict classesLoaded() {
        SeriesVerdict verdict = VerdictEngine.judge(tMs, values(CLASSES), context(CLASSES));
        double windowRise = verdict.windowRise();
        if (verdict.verdict() == Verdict.LEAK && windowRise < MIN_LEAKED_CLASSES) {
            return verdict.withVerdict(Verdict.PLATEAU, verdict.reason() + String.format(Locale.ROOT,
                    "; but %.0f classes over the window, fewer than the %.0f that rarer code paths run for the "
                            + "first time may load", windowRise, MIN_LEAKED_CLASSES));
        }
        if (verdict.verdict() != Verdict.LEAK || !jit.compiling()
                || verdict.slopePerHour() >= WARMING_CLASSES_PER_LEVEL_HOUR * verdict.level()) {
            return verdict;
        }
        return verdict.withVerdict(Verdict.PLATEAU, verdict.reason() + "; but " + jit.stillCompiling()
                + ", and code run for the first time loads its classes: while it does, a rise below "
                + String.format(Locale.ROOT, "%.0f %%", WARMING_CLASSES_PER_LEVEL_HOUR * 100)
                + " of the level an hour is warm-up");
    }

    private static double[] minus(double[] a, double[] b) {
        double[] difference = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            difference[i] = a[i] - b[i];
        }
        return difference;
    }

    /** Sample times (epoch ms) of every series; the caller must not modify the array. */
    public double[] tMs() {
        return tMs;
    }

    /** The judged values by name (rates for counters); the caller must not modify the arrays. */
    public Map<String, double[]> values() {
        return values;
    }

    /** The time of the last row, the time a live judgement is made at. */
    public long lastRowMs() {
        return (long) tMs[tMs.length - 1];
    }

    /**
     * When the series' leak was first confirmed on a replay of the run's growing prefixes
     * ({@link LeakOnset#leakSince}), one every sampling interval (the median row spacing) or every eighth of the
     * least evidence, whichever is longer; empty when no prefix confirms it.
     */
    public OptionalLong leakSince(String name) {
        SeriesContext context = context(name);
        long stepMs = Math.max(medianRowSpacingMs(),
                VerdictEngine.minEvidenceMs(context.timeScale()) / REPLAY_STEPS_PER_MIN_EVIDENCE);
        return LeakOnset.leakSince(tMs, values(name), context, stepMs);
    }

    private double[] values(String name) {
        return known(values.get(name), name);
    }

    public SeriesContext context(String name) {
        return known(contexts.get(name), name);
    }

    private <T> T known(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("no series '" + name + "'; the series are " + values.keySet());
        }
        return value;
    }

    private long medianRowSpacingMs() {
        if (tMs.length < 2) {
            return 1;
        }
        double[] spacing = new double[tMs.length - 1];
        for (int i = 1; i < tMs.length; i++) {
            spacing[i - 1] = tMs[i] - tMs[i - 1];
        }
        Arrays.sort(spacing);
        return Math.max(1, (long) spacing[spacing.length / 2]);
    }

    static boolean isCumulative(String column) {
        return column.endsWith("_total") || column.equals("gc_cycles") || column.endsWith("_seconds");
    }

    private static BlockLevel blockLevel(String column) {
        if (column.equals(HEAP_LIVE)) {
            return BlockLevel.LOWEST;
        }
        return isCumulative(column) ? BlockLevel.MEAN : BlockLevel.MEDIAN;
    }

    /** The unit of a {@code samples.csv} column, from its name's suffix as formats.md spells the columns. */
    static String unitOf(String name) {
        if (name.endsWith("_seconds")) {
            return "s";
        }
        if (name.endsWith("_bytes")) {
            return "bytes";
        }
        if (name.endsWith("_ns")) {
            return "ns";
        }
        if (name.endsWith("_ms")) {
            return "ms";
        }
        return name.endsWith("_per_s") ? "1/s" : "count";
    }

    private static boolean isFdColumn(String name) {
        return name.equals("open_fds") || name.startsWith("fds_") || name.startsWith("sockets_");
    }

    private static double lastValue(Samples samples, String column) {
        double[] values = samples.column(column).orElse(new double[0]);
        for (int i = values.length - 1; i >= 0; i--) {
            if (!Double.isNaN(values[i])) {
                return values[i];
            }
        }
        return Double.NaN;
    }
}
