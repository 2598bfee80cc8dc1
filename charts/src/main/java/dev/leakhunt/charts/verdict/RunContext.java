package dev.leakhunt.charts.verdict;

import dev.leakhunt.charts.run.Manifest;
import dev.leakhunt.charts.run.RunEvent;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a run states about itself besides its samples, the same for each of its series: the report and the live
 * verdict derive it from the same files by {@link #of}, so both judge with the same contexts.
 *
 * @param memoryLimitBytes the target's memory (cgroup) limit, the limit of RSS; NaN when unknown
 * @param warmupHintMs     the least warm-up, counted from the run's first {@code samples.csv} row; negative when
 *                         unknown (see {@link SeriesContext#warmupHintMs()})
 * @param timeScale        the run's ACCEL, 1 for real time (see {@link SeriesContext#timeScale()})
 */
public record RunContext(double memoryLimitBytes, long warmupHintMs, double timeScale) {

    /** A run folder that says nothing: no limit, warm-up only detected, real time. */
    public static final RunContext UNKNOWN = new RunContext(Double.NaN, -1, SeriesContext.REAL_TIME);

    /**
     * The context of a run whose first sample row was taken at {@code firstRowMs}. The warm-up hint:
     * <ul>
     *   <li>with a {@code load_start} event: from the first row to the (first) load start, plus the manifest's
     *       {@code parameters.warmup_s} when present — nothing before the load is evidence;</li>
     *   <li>without one (a running soak whose load has not begun, or a run from before that event) but with
     *       {@code warmup_s} and {@code started_ms}: from the first row to the supervisor's start plus
     *       {@code warmup_s}, a lower bound since the load starts after the supervisor;</li>
     *   <li>else unknown: warm-up is only detected.</li>
     * </ul>
     * A hint that would end before the first row is 0.
     */
    public static RunContext of(Optional<Manifest> manifest, List<RunEvent> events, long firstRowMs) {
        double memoryLimit = manifest.map(Manifest::memoryLimitBytes).orElse(Double.NaN);
        double accel = manifest.map(Manifest::accel).orElse(SeriesContext.REAL_TIME);
        return new RunContext(memoryLimit, warmupHintMs(manifest, events, firstRowMs), accel);
    }

    private static long warmupHintMs(Optional<Manifest> manifest, List<RunEvent> events, long firstRowMs) {
        OptionalDouble warmupS = manifest.map(Manifest::warmupSeconds).orElse(OptionalDouble.empty());
        long warmupMs = Math.round(warmupS.orElse(0) * 1000);
        Optional<RunEvent> loadStart = events.stream().filter(e -> RunEvent.LOAD_START.equals(e.type())).findFirst();
        if (loadStart.isPresent()) {
            return Math.max(0, loadStart.get().tsMs() - firstRowMs + warmupMs);
        }
        OptionalLong startedMs = manifest.map(Manifest::startedMs).orElse(OptionalLong.empty());
        if (warmupS.isPresent() && startedMs.isPresent()) {
            return Math.max(0, startedMs.getAsLong() - firstRowMs + warmupMs);
        }
        return -1;
    }

    /** The context of one series of this run. */
    SeriesContext series(String unit, double limit) {
        return new SeriesContext(unit, limit, warmupHintMs, timeScale);
    }
}
