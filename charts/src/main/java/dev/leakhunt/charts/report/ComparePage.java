package dev.leakhunt.charts.report;

import dev.leakhunt.charts.curves.RunCurves;
import dev.leakhunt.charts.run.Manifest;
import dev.leakhunt.charts.run.RunFolder;
import java.nio.file.Path;
import java.util.List;

/** Composes the compare page: the runs side by side, then the overlaid curves. */
final class ComparePage {

    private final List<RunFolder> runs;
    private final Path outDir;
    private final List<String> missing;
    private final List<RunCurves.Rendered> charts;

    ComparePage(List<RunFolder> runs, Path outDir, List<String> missing, List<RunCurves.Rendered> charts) {
        this.runs = runs;
        this.outDir = outDir;
        this.missing = missing;
        this.charts = charts;
    }

    String render() {
        Html html = new Html("leakhunt compare: " + runs.stream().map(RunFolder::name).toList());
        html.heading(1, "leakhunt compare", "");
        html.rawParagraph(String.join(" · ", runs.stream().map(this::runLink).toList()));
        if (!missing.isEmpty()) {
            html.list("missing", missing);
        }
        html.heading(2, "Curves, aligned on time since each run's start", "curves");
        for (RunCurves.Rendered chart : charts) {
            html.figure(InlineSvg.of(chart.file()), "column: " + String.join(", ", chart.columns()));
        }
        return html.end();
    }

    private String runLink(RunFolder run) {
        String report = outDir.toAbsolutePath().relativize(run.dir().toAbsolutePath().resolve(RunReport.HTML))
                .toString();
        String leak = run.manifest().flatMap(Manifest::leak).map(l -> " (leak=" + l + ")").orElse("");
        return Html.link(report, run.name()) + Html.escape(leak);
    }
}
