package dev.leakhunt.charts.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunt.charts.run.SamplesCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSeriesTest {

    private static final long T0_MS = 1_795_000_000_000L;
    private static final int ROWS = 360; // 30 min at 5 s
    private static final double MINUTE = 60;

    @TempDir
    Path dir;

    @Test
    void memoryThatGrowsWithCompilationIsNotJudgedBeforeTheJitSettles() throws IOException {
        DoubleUnaryOperator risingRss = s -> 300e6 + 100e6 * s / 3600;
        DoubleUnaryOperator compilingThroughout = s -> 0.05 * s;

        SeriesVerdict judged = judge("rss_bytes", risingRss, compilingThroughout);

        assertEquals(Verdict.INCONCLUSIVE, judged.verdict(), judged.reason());
        assertTrue(judged.reason().contains("the JIT still compiles (5.0 % of a core"), judged.reason());
        SeriesVerdict withoutCompileTimes = judge("rss_bytes", risingRss, null);
        assertEquals(Verdict.LEAK, withoutCompileTimes.verdict(), "the rule, not the curve, held it back");
    }

    @Test
    void aNativeLeakIsStillFoundOnceTheJitHasSettled() throws IOException {
        DoubleUnaryOperator settlesAtMinute10 = s -> s < 10 * MINUTE ? 0.1 * s : 60 + 0.002 * (s - 10 * MINUTE);

        SeriesVerdict judged = judge("rss_bytes", s -> 300e6 + 100e6 * s / 3600, settlesAtMinute10);

        assertEquals(Verdict.LEAK, judged.verdict(), judged.reason());
        // the minute from 9:50 compiles 10 s × 10 % + 50 s × 0.2 % = 1.1 s, the first below 2 % of it (1.2 s)
        assertEquals(T0_MS + 590_000, judged.windowStartMs(), "judged from the settling on");
    }

    @Test
    void metaspaceRisingWithoutNewClassesIsAPlateauAndWithThemALeak() throws IOException {
        DoubleUnaryOperator creeping = s -> 33e6 + 2e6 * s / 3600;
        String csv = csv("metaspace_used_bytes,classes_loaded", creeping, s -> 6_400);

        SeriesVerdict jitCreep = RunSeries.of(SamplesCsv.read(Files.writeString(dir.resolve("a.csv"), csv)),
                RunContext.UNKNOWN).judge("metaspace_used_bytes");

        assertEquals(Verdict.PLATEAU, jitCreep.verdict(), jitCreep.reason());
        assertTrue(jitCreep.reason().endsWith("but classes_loaded is flat: per-method data of the loaded classes, "
                + "bounded by them"), jitCreep.reason());
        String loaderLeak = csv("metaspace_used_bytes,classes_loaded", creeping, s -> 6_400 + s);
        SeriesVerdict leak = RunSeries.of(SamplesCsv.read(Files.writeString(dir.resolve("b.csv"), loaderLeak)),
                RunContext.UNKNOWN).judge("metaspace_used_bytes");
        assertEquals(Verdict.LEAK, leak.verdict(), leak.reason());
    }

    /**
     * The lab's 150 s control in CI: 6,440 → 6,492 classes in the 100 s after the load started, slower and slower,
     * while the JIT compiled; the metaspace leak loads twenty times its level an hour.
     */
    @Test
    void classesLoadingWhileTheJitCompilesAreWarmUpUnlessTheyOutpaceTheLevel() throws IOException {
        DoubleUnaryOperator compilingThroughout = s -> 0.05 * s;
        String header = "classes_loaded," + JitActivity.COLUMN;
        DoubleUnaryOperator warmUp = s -> 6_440 + 650 * s / 3600;
        DoubleUnaryOperator loaderLeak = s -> 6_440 + 6 * s;

        SeriesVerdict warming = judgeClasses(csv(header, warmUp, compilingThroughout));
        SeriesVerdict settled = judgeClasses(csv(header, warmUp, s -> 0));
        SeriesVerdict leaking = judgeClasses(csv(header, loaderLeak, compilingThroughout));

        assertEquals(Verdict.PLATEAU, warming.verdict(), warming.reason());
        assertTrue(warming.reason().contains("but the JIT still compiles (5.0 % of a core over the last minute; "
                + "settled below 2 %), and code run for the first time loads its classes"), warming.reason());
        assertEquals(Verdict.LEAK, settled.verdict(), "once the JIT has settled the same rise is a leak");
        assertEquals(Verdict.LEAK, leaking.verdict(), leaking.reason());
    }

    /** The fd experiment's fixed service: 9 classes in its last 4 minutes, the JIT settled. */
    @Test
    void aFewClassesLoadedLateAreNotALeakButHundredsAre() throws IOException {
        String header = "classes_loaded," + JitActivity.COLUMN;
        SeriesVerdict trickle = judgeClasses(csv(header, s -> 6_472 + 9 * s / 240, s -> 0));
        SeriesVerdict loaderLeak = judgeClasses(csv(header, s -> 6_472 + 300 * s / 1800, s -> 0));

        assertEquals(Verdict.PLATEAU, trickle.verdict(), trickle.reason());
        assertTrue(trickle.reason().contains("classes over the window, fewer than the 100"), trickle.reason());
        assertEquals(Verdict.LEAK, loaderLeak.verdict(), loaderLeak.reason());
    }

    private SeriesVerdict judgeClasses(String csv) throws IOException {
        Path file = Files.writeString(Files.createTempFile(dir, "classes", ".csv"), csv);
        return RunSeries.of(SamplesCsv.read(file), RunContext.UNKNOWN).judge("classes_loaded");
    }

    @Test
    void metaspaceIsJudgedWhileTheJitCompilesWhenClassesKeepLoading() throws IOException {
        DoubleUnaryOperator creeping = s -> 33e6 + 20e6 * s / 3600;
        DoubleUnaryOperator compilingThroughout = s -> 0.05 * s;
        String header = "metaspace_used_bytes,classes_loaded," + JitActivity.COLUMN;

        String loaderLeak = csv(header, creeping, s -> 6_400 + 10 * s, compilingThroughout);
        SeriesVerdict leak = RunSeries.of(SamplesCsv.read(Files.writeString(dir.resolve("c.csv"), loaderLeak)),
                RunContext.UNKNOWN).judge("metaspace_used_bytes");
        String sameClasses = csv(header, creeping, s -> 6_400, compilingThroughout);
        SeriesVerdict jitCreep = RunSeries.of(SamplesCsv.read(Files.writeString(dir.resolve("d.csv"), sameClasses)),
                RunContext.UNKNOWN).judge("metaspace_used_bytes");

        assertEquals(Verdict.LEAK, leak.verdict(), leak.reason());
        assertEquals(Verdict.INCONCLUSIVE, jitCreep.verdict(), jitCreep.reason());
    }

    @Test
    void rssThatRisesWithTheCommittedHeapIsItsGrowthAndANativeLeakIsNot() throws IOException {
        DoubleUnaryOperator committedGrowing = s -> 256e6 + 150e6 * s / 3600;
        DoubleUnaryOperator rssFollowing = s -> 150e6 + committedGrowing.applyAsDouble(s);
        DoubleUnaryOperator committedFlat = s -> 256e6;

        SeriesVerdict heapGrowth = judgeFirst("rss_bytes,heap_committed_bytes", rssFollowing, committedGrowing);
        SeriesVerdict nativeLeak = judgeFirst("rss_bytes,heap_committed_bytes", rssFollowing, committedFlat);

        assertEquals(Verdict.PLATEAU, heapGrowth.verdict(), heapGrowth.reason());
        assertTrue(heapGrowth.reason().endsWith("rss_bytes minus heap_committed_bytes is flat: the heap's growth"),
                heapGrowth.reason());
        assertEquals(Verdict.LEAK, nativeLeak.verdict(), nativeLeak.reason());
    }

    /**
     * On a 20 min clean run of the lab, RSS crept +4.6 MB in 9 min while Native Memory Tracking's total stayed
     * level: the C allocator keeping what the JIT's arenas freed. A direct-buffer or thread leak raises both.
     */
    @Test
    void rssThatRisesWhileTheJvmsNativeMemoryDoesNotIsTheAllocatorsRetention() throws IOException {
        DoubleUnaryOperator rssRising = s -> 740e6 + 30e6 * s / 3600;
        DoubleUnaryOperator heapCommitted = s -> 512e6;

        SeriesVerdict retained = judgeFirst("rss_bytes,heap_committed_bytes,nmt_committed_bytes", rssRising,
                heapCommitted, s -> 710e6);
        SeriesVerdict nativeLeak = judgeFirst("rss_bytes,heap_committed_bytes,nmt_committed_bytes", rssRising,
                heapCommitted, s -> 710e6 + 30e6 * s / 3600);

        assertEquals(Verdict.PLATEAU, retained.verdict(), retained.reason());
        assertTrue(retained.reason().contains("but nmt_committed_bytes is flat: the memory the JVM holds did not "
                + "grow"), retained.reason());
        assertEquals(Verdict.LEAK, nativeLeak.verdict(), nativeLeak.reason());
    }

    @Test
    void aCommittedHeapThatGrowsWhileTheLiveHeapDoesNotIsTheCollectorsSizing() throws IOException {
        DoubleUnaryOperator committedGrowing = s -> 256e6 + 150e6 * s / 3600;

        SeriesVerdict sized = judgeFirst("heap_committed_bytes,heap_live_bytes", committedGrowing, s -> 90e6);
        SeriesVerdict followingALeak = judgeFirst("heap_committed_bytes,heap_live_bytes", committedGrowing,
                s -> 90e6 + 100e6 * s / 3600);

        assertEquals(Verdict.PLATEAU, sized.verdict(), sized.reason());
        assertTrue(sized.reason().endsWith("but heap_live_bytes is flat: the collector sized the heap up, bounded by "
                + "its maximum"), sized.reason());
        assertEquals(Verdict.LEAK, followingALeak.verdict(), followingALeak.reason());
    }

    @Test
    void aSeriesPinnedAtTheLimitWhereItsProcessFailsIsALeakThatRanItsCourse() throws IOException {
        // the fd leak under a 1,024 limit: at it 40 s after the start, long before the window after warm-up
        SeriesVerdict exhausted = judgeFirst("open_fds,fd_limit", s -> s < 40 ? 40 + 24.5 * s : 1020, s -> 1024);
        SeriesVerdict steady = judgeFirst("open_fds,fd_limit", s -> 40, s -> 1024);
        SeriesVerdict configured = judgeFirst("heap_live_bytes,heap_max_bytes", s -> 0.99 * 512e6, s -> 512e6);

        assertEquals(Verdict.LEAK, exhausted.verdict(), exhausted.reason());
        assertTrue(exhausted.reason().startsWith("at its limit: 1020 of "), exhausted.reason());
        assertTrue(exhausted.reason().contains("reached 40 s after its first value, climbing 8.793e+04 count/h"), exhausted.reason());
        assertEquals(0, exhausted.hoursToLimit());
        assertEquals(Verdict.FLAT, steady.verdict(), steady.reason());
        assertEquals(Verdict.FLAT, configured.verdict(), "it started there: " + configured.reason());
    }

    /**
     * The lab's map leak on a 256 MB heap: G1 went from 24.5 collections a minute after warm-up to 58 eight minutes
     * later, counted in whole collections by 2 s rows (0, 1 or 2 each).
     */
    @Test
    void aCounterRateThatMoreThanDoublesIsALeakThoughEachRowCountsWholeCollections() throws IOException {
        SeriesVerdict doubling = judgeCollections(s -> 0.4 * s + 0.55 * s * s / (2 * 600));
        SeriesVerdict steady = judgeCollections(s -> 0.4 * s);

        assertEquals(Verdict.LEAK, doubling.verdict(), doubling.reason());
        assertEquals(Verdict.FLAT, steady.verdict(), steady.reason());
    }

    /** {@code gc_cycles} every 2 s for 10 minutes: the whole collections of {@code collectionsBy} seconds. */
    private SeriesVerdict judgeCollections(DoubleUnaryOperator collectionsBy) throws IOException {
        StringBuilder csv = new StringBuilder("ts_ms,gc_cycles\n");
        for (int s = 0; s <= 600; s += 2) {
            csv.append(T0_MS + s * 1_000L).append(',').append((long) collectionsBy.applyAsDouble(s)).append('\n');
        }
        Path file = Files.writeString(Files.createTempFile(dir, "gc", ".csv"), csv);
        return RunSeries.of(SamplesCsv.read(file), RunContext.UNKNOWN).judge("gc_cycles_per_s");
    }

    /** The verdict on the first of {@code header}'s columns. */
    private SeriesVerdict judgeFirst(String header, DoubleUnaryOperator... columns) throws IOException {
        Path file = Files.writeString(Files.createTempFile(dir, "series", ".csv"), csv(header, columns));
        return RunSeries.of(SamplesCsv.read(file), RunContext.UNKNOWN).judge(header.substring(0, header.indexOf(',')));
    }

    private SeriesVerdict judge(String column, DoubleUnaryOperator values, DoubleUnaryOperator compileSeconds)
            throws IOException {
        String csv = compileSeconds == null ? csv(column, values)
                : csv(column + "," + JitActivity.COLUMN, values, compileSeconds);
        Path file = Files.writeString(dir.resolve(column + (compileSeconds == null ? "-alone" : "") + ".csv"), csv);
        return RunSeries.of(SamplesCsv.read(file), RunContext.UNKNOWN).judge(column);
    }

    /** One row every 5 s; each column a function of the seconds since the first row, with 0.2 % noise. */
    private static String csv(String header, DoubleUnaryOperator... columns) {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder csv = new StringBuilder("ts_ms,").append(header).append('\n');
        for (int i = 0; i < ROWS; i++) {
            double s = i * 5.0;
            csv.append(T0_MS + i * 5_000L);
            for (DoubleUnaryOperator column : columns) {
                double value = column.applyAsDouble(s);
                boolean cumulative = column != columns[0] && header.contains(JitActivity.COLUMN);
                double noisy = cumulative ? value : value * (1 + 0.002 * random.nextGaussian());
                csv.append(',').append(String.format(Locale.ROOT, "%.3f", noisy));
            }
            csv.append('\n');
        }
        return csv.toString();
    }
}
