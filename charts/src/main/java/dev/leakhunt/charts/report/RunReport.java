package dev.leakhunt.charts.report;

import dev.leakhunt.charts.curves.ChartMarks;
import dev.leakhunt.charts.curves.CurveGroup;
import dev.leakhunt.charts.curves.LoadOverlay;
import dev.leakhunt.charts.curves.RunCurves;
import dev.leakhunt.charts.curves.TimeAxis;
import dev.leakhunt.charts.gatling.GatlingLatency;
import dev.leakhunt.charts.gatling.GatlingLog;
import dev.leakhunt.charts.gatling.LatencyStats;
import dev.leakhunt.charts.gatling.LatencyTimeline;
import dev.leakhunt.charts.localize.CaptureReader;
import dev.leakhunt.charts.localize.LeakKind;
import dev.leakhunt.charts.localize.ProfileDiff;
import dev.leakhunt.charts.localize.ProfileWindow;
import dev.leakhunt.charts.run.ProfileCapture;
import dev.leakhunt.charts.run.RunEvent;
import dev.leakhunt.charts.run.RunFolder;
import dev.leakhunt.charts.run.Samples;
import dev.leakhunt.charts.verdict.RunContext;
import dev.leakhunt.charts.verdict.RunSeries;
import dev.leakhunt.charts.verdict.RunVerdicts;
import dev.leakhunt.charts.verdict.SeriesVerdict;
import dev.leakhunt.charts.verdict.Verdicts;
import dev.leakhunt.charts.verdict.VerdictsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code charts report <run>}: everything charts writes into a run folder — {@code verdicts.json},
 * {@code charts/*.svg}, {@code diffs/<from>-<to>.txt}, {@code report.html} — from whatever the folder holds
 * right now. Nothing missing is fatal: each absent or unreadable piece becomes a line in the report.
 */
public final class RunReport {

    public static final String HTML = "report.html";
    public static final String VERDICTS = "verdicts.json";
    public static final String CHARTS_DIR = "charts";
    /** jvm-facts: a p99 needs ≥ 10 s buckets at a few hundred requests per second. */
    static final long GATLING_INTERVAL_MS = 10_000;

    public record Written(Path html, Optional<Verdicts> verdicts, List<String> missing) {
    }

    /** What the report knows about the driver's side, when the run has a readable Gatling log. */
    private record Load(LoadOverlay overlay, LatencyTimeline timeline, String summary) {
    }

    private RunReport() {
    }

    public static Written write(Path runDir) throws IOException {
        RunFolder run = RunFolder.open(runDir);
        List<String> missing = new ArrayList<>(run.missing());
        Optional<Samples> samples = run.samples().filter(s -> s.size() > 0);
        if (run.samples().isPresent() && samples.isEmpty()) {
            missing.add(RunFolder.SAMPLES + ": header only, no row yet");
        }
        Optional<Load> load = load(run, missing);
        Optional<RunSeries> series = samples.map(s -> RunSeries.of(s,
                RunContext.of(run.manifest(), run.events(), s.tsMs()[0])));
        Optional<Verdicts> judged = series.map(s -> RunVerdicts.judge(s, load.map(Load::timeline).orElse(null)));

        CaptureReader captures = new CaptureReader();
        List<LocalizedLeak> leaks = judged.map(v -> LocalizedLeak.of(v.series(), run.profiles(), captures))
                .orElse(List.of());
        Optional<Verdicts> verdicts = judged.map(v -> v.withLeaks(leaks.stream()
                .map(leak -> leak.toJson().withSinceMs(leakSince(leak.series(), run.events(), series.get())))
                .toList()));
        if (verdicts.isPresent()) {
            VerdictsJson.write(run.dir().resolve(VERDICTS), verdicts.get());
        }

        List<RunCurves.Rendered> charts = List.of();
        if (samples.isPresent()) {
            long[] ts = samples.get().tsMs();
            TimeAxis time = new TimeAxis(run.startMs().orElse(ts[0]), ts[ts.length - 1]);
            charts = RunCurves.write(samples.get(), time, group -> annotations(group, run, verdicts),
                    load.map(Load::overlay), run.dir().resolve(CHARTS_DIR));
        }

        Optional<ProfileDiff> wholeRun = wholeRunDiff(run.profiles(), captures);
        Optional<Path> diffFile = Optional.empty();
        if (wholeRun.isPresent()) {
            diffFile = Optional.of(DiffReport.write(run, wholeRun.get(), DiffReport.text(run, wholeRun.get())));
        }
        String page = new ReportPage(run, load.map(Load::summary), missing, verdicts, leaks, charts, wholeRun,
                diffFile).render();
        Path html = run.dir().resolve(HTML);
        Path tmp = run.dir().resolve(HTML + ".tmp");
        Files.writeString(tmp, page);
        // Renamed into place: a browser refreshing a running soak's report never sees half a page.
        Files.move(tmp, html, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Written(html, verdicts, List.copyOf(missing));
    }

    /**
     * Since when a series has been a confirmed leak: as the live verdict recorded it ({@code leak_confirmed} in
     * {@code events.jsonl}) when it watched the run, else from a replay of the run's growing prefixes.
     */
    private static OptionalLong leakSince(String name, List<RunEvent> events, RunSeries series) {
        OptionalLong recorded = events.stream()
                .filter(e -> RunEvent.LEAK_CONFIRMED.equals(e.type()) && name.equals(e.text("series"))
                        && e.fields().path("since_ms").canConvertToLong())
                .mapToLong(e -> e.fields().path("since_ms").asLong())
                .findFirst();
        return recorded.isPresent() ? recorded : series.leakSince(name);
    }

    /** The chart's warm-up and subtitle come from its lead line's verdict. */
    private static RunCurves.Annotations annotations(CurveGroup group, RunFolder run, Optional<Verdicts> verdicts) {
        Optional<SeriesVerdict> lead = verdicts.map(v -> v.series().get(VerdictKeys.of(group.lead())));
        OptionalLong warmupEnd = lead.map(v -> OptionalLong.of(v.windowStartMs())).orElse(OptionalLong.empty());
        ChartMarks marks = new ChartMarks(warmupEnd, run.profiles().stream().map(ProfileCapture::tsMs).toList(),
                run.events());
        return new RunCurves.Annotations(marks, lead.map(v -> VerdictText.summary(group.lead().label(), v)));
    }

    /**
     * What changed over the whole run, warm-up included, leak or not: from the first capture to the last, or to
     * the last heap walk when there are two, so that the histogram and the GC-root paths are compared too.
     */
    private static Optional<ProfileDiff> wholeRunDiff(List<ProfileCapture> captures, CaptureReader reader) {
        return ProfileWindow.of(captures, OptionalLong.empty(), LeakKind.HEAP).map(window -> window.diff(reader));
    }

    private static String summary(GatlingLatency latency) {
        LatencyStats total = latency.total();
        String tail = latency.progress().tailBytes() > 0
                ? " (the log ends mid-record: still being written, or its writer was killed)" : "";
        return "Gatling " + latency.header().gatlingVersion() + ": " + total.count() + " requests, " + total.ko()
                + " KO, p50 " + Quantities.number(total.p50Ms()) + " ms, p99 " + Quantities.number(total.p99Ms())
                + " ms, max " + Quantities.number(total.maxMs()) + " ms" + tail;
    }

    private static Optional<Load> load(RunFolder run, List<String> missing) {
        if (!Files.isRegularFile(run.gatlingLog())) {
            return Optional.empty();
        }
        try (GatlingLog log = GatlingLog.follow(run.gatlingLog(), GATLING_INTERVAL_MS)) {
            GatlingLatency latency = log.poll();
            return Optional.of(new Load(LoadOverlays.of(latency), log.timeline(), summary(latency)));
        } catch (IOException | RuntimeException e) {
            missing.add(RunFolder.GATLING_LOG + ": unreadable (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }
}
