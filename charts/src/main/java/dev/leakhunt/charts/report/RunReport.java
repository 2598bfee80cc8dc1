package dev.leakhunt.charts.report;

import dev.leakhunt.charts.curves.ChartMarks;
import dev.leakhunt.charts.curves.LoadOverlay;
import dev.leakhunt.charts.curves.RunCurves;
import dev.leakhunt.charts.curves.TimeAxis;
import dev.leakhunt.charts.gatling.GatlingLog;
import dev.leakhunt.charts.localize.ProfileDiff;
import dev.leakhunt.charts.localize.ProfileWindow;
import dev.leakhunt.charts.run.ProfileCapture;
import dev.leakhunt.charts.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code charts report <run>}: everything charts writes into a run folder — {@code charts/*.svg},
 * {@code diffs/<from>-<to>.txt}, {@code report.html} — from whatever the folder holds right now. Nothing
 * missing is fatal: each absent or unreadable piece becomes a line in the report.
 */
public final class RunReport {

    public static final String HTML = "report.html";
    public static final String CHARTS_DIR = "charts";
    /** jvm-facts: a p99 needs ≥ 10 s buckets at a few hundred requests per second. */
    static final long GATLING_INTERVAL_MS = 10_000;

    public record Written(Path html, List<String> missing) {
    }

    private RunReport() {
    }

    public static Written write(Path runDir) throws IOException {
        RunFolder run = RunFolder.open(runDir);
        List<String> missing = new ArrayList<>(run.missing());
        Optional<LoadOverlay> load = load(run, missing);
        OptionalLong warmupEndMs = OptionalLong.empty();
        ChartMarks marks = new ChartMarks(warmupEndMs, run.profiles().stream().map(ProfileCapture::tsMs).toList(),
                run.events());

        List<RunCurves.Rendered> charts = List.of();
        if (run.samples().isPresent() && run.samples().get().size() > 0) {
            long[] ts = run.samples().get().tsMs();
            TimeAxis time = new TimeAxis(run.startMs().orElse(ts[0]), ts[ts.length - 1]);
            charts = RunCurves.write(run.samples().get(), time, marks, load, Map.of(),
                    run.dir().resolve(CHARTS_DIR));
        } else if (run.samples().isPresent()) {
            missing.add(RunFolder.SAMPLES + ": header only, no row yet");
        }

        Optional<ProfileWindow> window = ProfileWindow.of(run.profiles(), warmupEndMs);
        if (window.isEmpty() && !run.profiles().isEmpty()) {
            missing.add("profiles: fewer than two complete captures after warm-up, so no leak localization");
        }
        Optional<ProfileDiff> diff = window.map(ProfileWindow::diff);
        Optional<Path> diffFile = Optional.empty();
        if (diff.isPresent()) {
            diffFile = Optional.of(DiffReport.write(run, diff.get(), DiffReport.text(run, diff.get())));
        }

        Path html = run.dir().resolve(HTML);
        String page = new ReportPage(run, missing, charts, diff, diffFile).render();
        Path tmp = run.dir().resolve(HTML + ".tmp");
        Files.writeString(tmp, page);
        // Renamed into place: a browser refreshing a running soak's report never sees half a page.
        Files.move(tmp, html, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new Written(html, List.copyOf(missing));
    }

    private static Optional<LoadOverlay> load(RunFolder run, List<String> missing) {
        if (!Files.isRegularFile(run.gatlingLog())) {
            return Optional.empty();
        }
        try {
            return Optional.of(LoadOverlays.of(GatlingLog.read(run.gatlingLog(), GATLING_INTERVAL_MS)));
        } catch (IOException | RuntimeException e) {
            missing.add(RunFolder.GATLING_LOG + ": unreadable (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }
}
