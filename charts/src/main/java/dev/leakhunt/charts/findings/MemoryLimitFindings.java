package dev.leakhunt.charts.findings;

import static dev.leakhunt.charts.findings.Findings.bytes;
import static dev.leakhunt.charts.findings.Findings.ms;
import static dev.leakhunt.charts.findings.Findings.percent;

import dev.leakhunt.charts.report.Quantities;
import dev.leakhunt.charts.run.RunEvent;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The map leak in a 512 MiB memory cgroup under three heap sizings: how each ends (the kernel's OOM kill,
 * OutOfMemoryError, or neither yet), when, and what the GC did on the way — its CPU and pauses in the first
 * minute at the full rate (after the ramp) against the last minute, the live heap against the heap's maximum, RSS against the limit.
 */
final class MemoryLimitFindings {
    private static final long MINUTE_MS = 60_000;

    private MemoryLimitFindings() {
    }

    static String text(List<ExperimentRun> runs) throws IOException {
        StringBuilder out = new StringBuilder("memory-limit: the map leak in a memory cgroup\n");
        for (ExperimentRun run : runs) {
            out.append(run(run));
        }
        return out.toString();
    }

    private static String run(ExperimentRun run) throws IOException {
        Optional<RunEvent> death = run.targetExit();
        long endMs = death.map(RunEvent::tsMs).orElse(run.endMs());
        double limit = run.folder().manifest().map(m -> m.memoryLimitBytes()).orElse(Double.NaN);
        StringBuilder out = new StringBuilder();
        out.append(String.format("%s%s: %s%n", run.label(),
                run.jvmFlags().isEmpty() ? "" : " (" + run.jvmFlags() + ")", death.map(d -> "the target died at " + run.sinceLoad(d.tsMs())
                + " with exit code " + d.fields().path("exit_code").asText()
                + (d.fields().path("oom_kill").asBoolean(false) ? ", OOM-killed by the kernel in its cgroup" : ""))
                .orElse("the target was alive at the end, " + run.sinceLoad(endMs) + " (" + run.outcome() + ")")));
        death.flatMap(d -> jfrLeftBy(run, d)).ifPresent(out::append);
        long oomErrors = run.targetLogLines("OutOfMemoryError");
        ExperimentRun.Requests lastMinute = run.requestsFrom(endMs - MINUTE_MS);
        out.append(String.format("  requests: first failure %s; last minute %d of %d failed; %d OutOfMemoryError"
                        + " lines in the target's log%n",
                run.firstFailedRequestMs().stream().mapToObj(run::sinceLoad).findFirst().orElse("none"),
                lastMinute.failed(), lastMinute.all(), oomErrors));
        out.append(String.format("  live heap at the end %s of a %s maximum (%s); RSS peak %s of the %s limit (%s)%n",
                bytes(run.last("heap_live_bytes", endMs).orElse(Double.NaN)),
                bytes(run.max("heap_max_bytes", run.loadStartMs(), endMs + 1).orElse(Double.NaN)),
                run.verdictText("heap_live_bytes"),
                bytes(run.max("rss_bytes", run.loadStartMs(), endMs + 1).orElse(Double.NaN)), bytes(limit),
                percent(run.max("rss_bytes", run.loadStartMs(), endMs + 1).orElse(Double.NaN) / limit)));
        long firstFrom = run.fullRateMs();
        long lastFrom = endMs - MINUTE_MS;
        out.append(String.format("  GC CPU %s of a core in the first minute at the full rate, %s in the last;"
                        + " GC pause p99 %s, then %s (largest %s); GC cycles %s/min, then %s/min%n",
                percent(run.perSecond("gc_cpu_seconds", firstFrom, firstFrom + MINUTE_MS).orElse(Double.NaN)),
                percent(run.perSecond("gc_cpu_seconds", lastFrom, endMs + 1).orElse(Double.NaN)),
                ms(run.median("gc_pause_p99_ns", firstFrom, firstFrom + MINUTE_MS).orElse(Double.NaN)),
                ms(run.median("gc_pause_p99_ns", lastFrom, endMs + 1).orElse(Double.NaN)),
                ms(run.max("gc_pause_max_ns", run.loadStartMs(), endMs + 1).orElse(Double.NaN)),
                Quantities.number(60 * run.perSecond("gc_cycles", firstFrom, firstFrom + MINUTE_MS).orElse(Double.NaN)),
                Quantities.number(60 * run.perSecond("gc_cycles", lastFrom, endMs + 1).orElse(Double.NaN))));
        return out.toString();
    }

    /** The recording the dead target's JFR chunks were assembled into, and how close to the death it reaches. */
    private static Optional<String> jfrLeftBy(ExperimentRun run, RunEvent death) {
        return run.folder().events().stream()
                .filter(e -> e.type().equals(RunEvent.JFR_ASSEMBLED))
                .filter(e -> e.fields().path("pid").asLong() == death.fields().path("pid").asLong())
                .findFirst()
                .map(e -> {
                    String before = e.fields().has("end_ms")
                            ? String.format("%.1f s", (death.tsMs() - e.fields().path("end_ms").asLong()) / 1000.0) : "–";
                    return String.format("  its JFR recording survives it: %s (%s chunks, %s), to %s before the"
                            + " supervisor saw it die%n", e.text("file"), e.text("chunks"),
                            bytes(e.fields().path("bytes").asDouble()), before);
                });
    }
}
