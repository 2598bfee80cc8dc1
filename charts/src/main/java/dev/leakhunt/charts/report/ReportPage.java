package dev.leakhunt.charts.report;

import dev.leakhunt.charts.curves.RunCurves;
import dev.leakhunt.charts.localize.ProfileDiff;
import dev.leakhunt.charts.run.Manifest;
import dev.leakhunt.charts.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Composes report.html: state of the run, verdicts, curves, localization, raw files. */
final class ReportPage {

    private final RunFolder run;
    private final List<String> missing;
    private final List<RunCurves.Rendered> charts;
    private final Optional<ProfileDiff> diff;
    private final Optional<Path> diffFile;

    ReportPage(RunFolder run, List<String> missing, List<RunCurves.Rendered> charts, Optional<ProfileDiff> diff,
            Optional<Path> diffFile) {
        this.run = run;
        this.missing = missing;
        this.charts = charts;
        this.diff = diff;
        this.diffFile = diffFile;
    }

    String render() {
        Html html = new Html("leakhunt report: " + run.name());
        html.heading(1, "leakhunt report: " + run.name(), "");
        html.paragraph("note", state());
        if (!missing.isEmpty()) {
            html.paragraph("missing", "Not in this report (the rest is):");
            html.list("missing", missing);
        }
        curves(html);
        profileDiff(html);
        rawFiles(html);
        return html.end();
    }

    private String state() {
        Optional<Manifest> manifest = run.manifest();
        String outcome = manifest.flatMap(Manifest::outcome)
                .map(o -> "outcome: " + o)
                .orElse("no outcome recorded yet: the run is still going, or its supervisor was killed");
        String leak = manifest.flatMap(Manifest::leak).map(l -> "planted leak: " + l + " · ").orElse("");
        String span = run.samples().filter(s -> s.size() > 0)
                .map(s -> s.size() + " samples over " + Quantities.sinceStart(s.tsMs()[s.size() - 1],
                        run.startMs().orElse(s.tsMs()[0])).substring(1) + " · ")
                .orElse("");
        return leak + span + run.profiles().size() + " profile captures · " + outcome;
    }

    private void curves(Html html) {
        html.heading(2, "Curves", "curves");
        if (charts.isEmpty()) {
            html.paragraph("missing", "No curve: samples.csv has no row yet.");
            return;
        }
        html.paragraph("note", "Left axis: the resource. Right axes: the latency p99 and the request rate the "
                + "Gatling clients saw, per 10 s of wall-clock time. Dotted lines: profile captures.");
        for (RunCurves.Rendered chart : charts) {
            html.figure(InlineSvg.of(chart.file()), "columns: " + String.join(", ", chart.columns())
                    + " · " + RunReport.CHARTS_DIR + "/" + chart.file().getFileName());
        }
    }

    private void profileDiff(Html html) {
        html.heading(2, "What grew between the profiles", "profiles");
        if (diff.isEmpty()) {
            html.paragraph("missing", "Needs two complete profile captures after warm-up; this run has "
                    + run.profiles().size() + " in all.");
            return;
        }
        ProfileDiff d = diff.get();
        long start = run.startMs().orElse(d.from().tsMs());
        html.rawParagraph("Between capture " + Html.escape(d.from().tsMs() + " ("
                + Quantities.sinceStart(d.from().tsMs(), start) + ")") + " and " + Html.escape(d.to().tsMs() + " ("
                + Quantities.sinceStart(d.to().tsMs(), start) + ")")
                + diffFile.map(f -> " · as text: " + Html.link(relative(f), relative(f))).orElse(""));
        DiffTables.all(d).forEach(html::diffTable);
        if (!d.missing().isEmpty()) {
            html.paragraph("missing", "Not compared:");
            html.list("missing", d.missing());
        }
    }

    private void rawFiles(Html html) {
        html.heading(2, "Raw files", "files");
        List<String> links = new ArrayList<>();
        for (String file : List.of(RunFolder.GATLING_REPORT, RunFolder.SAMPLES, RunFolder.EVENTS,
                RunFolder.MANIFEST, RunFolder.PROFILES, "logs", RunFolder.GATLING_LOG)) {
            if (Files.exists(run.dir().resolve(file))) {
                links.add(Html.link(file, file));
            }
        }
        html.rawParagraph(links.isEmpty() ? "none" : String.join(" · ", links));
    }

    private String relative(Path file) {
        return run.dir().relativize(file).toString();
    }
}
