package dev.leakhunt.charts.report;

import dev.leakhunt.charts.curves.RunCurves;
import dev.leakhunt.charts.run.Manifest;
import dev.leakhunt.charts.run.RunFolder;
import dev.leakhunt.charts.verdict.SeriesVerdict;
import dev.leakhunt.charts.verdict.Verdict;
import dev.leakhunt.charts.verdict.Verdicts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Composes the compare page: the runs, their verdicts side by side, then the overlaid curves. */
final class ComparePage {

    private final List<RunFolder> runs;
    private final Path outDir;
    private final List<String> missing;
    private final Map<String, Verdicts> verdicts;
    private final List<RunCurves.Rendered> charts;

    ComparePage(List<RunFolder> runs, Path outDir, List<String> missing, Map<String, Verdicts> verdicts,
            List<RunCurves.Rendered> charts) {
        this.runs = runs;
        this.outDir = outDir;
        this.missing = missing;
        this.verdicts = verdicts;
        this.charts = charts;
    }

    String render() {
        Html html = new Html("leakhunt compare: " + runs.stream().map(RunFolder::name).toList());
        html.heading(1, "leakhunt compare", "");
        html.rawParagraph(String.join(" · ", runs.stream().map(this::runLink).toList()));
        if (!missing.isEmpty()) {
            html.list("missing", missing);
        }
        verdictTable(html);
        html.heading(2, "Curves, aligned on time since each run's start", "curves");
        for (RunCurves.Rendered chart : charts) {
            html.figure(InlineSvg.of(chart.file()), "column: " + String.join(", ", chart.columns()));
        }
        return html.end();
    }

    /** One row per series, one column per run: the verdict and its slope, leaks marked. */
    private void verdictTable(Html html) {
        if (verdicts.isEmpty()) {
            return;
        }
        html.heading(2, "Verdicts side by side", "verdicts");
        Set<String> series = new LinkedHashSet<>();
        verdicts.values().forEach(v -> series.addAll(v.series().keySet()));
        List<String> headers = new ArrayList<>(List.of("series"));
        headers.addAll(verdicts.keySet());
        List<DiffTable.Row> rows = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (String name : series) {
            List<String> cells = new ArrayList<>(List.of(name));
            boolean anyLeak = false;
            for (Verdicts run : verdicts.values()) {
                SeriesVerdict v = run.series().get(name);
                cells.add(v == null ? "–" : v.verdict().jsonName() + " " + VerdictText.perHour(v.slopePerHour(), v.unit()));
                anyLeak |= v != null && v.verdict() == Verdict.LEAK;
            }
            rows.add(new DiffTable.Row(cells, List.of()));
            classes.add(anyLeak ? "leak" : "");
        }
        html.table(headers, rows, classes, List.of());
    }

    private String runLink(RunFolder run) {
        String report = outDir.toAbsolutePath().relativize(run.dir().toAbsolutePath().resolve(RunReport.HTML))
                .toString();
        String leak = run.manifest().flatMap(Manifest::leak).map(l -> " (leak=" + l + ")").orElse("");
        return Html.link(report, run.name()) + Html.escape(leak);
    }
}
