package dev.leakhunt.charts.report;

import dev.leakhunt.charts.curves.CurveCatalog;
import dev.leakhunt.charts.curves.CurveGroup;
import dev.leakhunt.charts.curves.RunCurves;
import dev.leakhunt.charts.localize.ProfileDiff;
import dev.leakhunt.charts.run.Manifest;
import dev.leakhunt.charts.run.RunEvent;
import dev.leakhunt.charts.run.RunFolder;
import dev.leakhunt.charts.verdict.SeriesVerdict;
import dev.leakhunt.charts.verdict.SloResult;
import dev.leakhunt.charts.verdict.Verdict;
import dev.leakhunt.charts.verdict.Verdicts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Composes report.html: the run's state and what is missing, the verdict table, the SLO table, the curves with
 * each leak's localization right under its curve, the whole-run profile diff, and links to the raw files.
 */
final class ReportPage {

    private final RunFolder run;
    private final Optional<String> driverSummary;
    private final List<String> missing;
    private final Optional<Verdicts> verdicts;
    private final List<LocalizedLeak> leaks;
    private final List<RunCurves.Rendered> charts;
    private final Optional<ProfileDiff> wholeRun;
    private final Optional<Path> wholeRunText;
    private final long startMs;

    ReportPage(RunFolder run, Optional<String> driverSummary, List<String> missing, Optional<Verdicts> verdicts,
            List<LocalizedLeak> leaks, List<RunCurves.Rendered> charts, Optional<ProfileDiff> wholeRun,
            Optional<Path> wholeRunText) {
        this.run = run;
        this.driverSummary = driverSummary;
        this.missing = missing;
        this.verdicts = verdicts;
        this.leaks = leaks;
        this.charts = charts;
        this.wholeRun = wholeRun;
        this.wholeRunText = wholeRunText;
        this.startMs = run.startMs().orElse(0);
    }

    String render() {
        Html html = new Html("leakhunt report: " + run.name());
        html.heading(1, "leakhunt report: " + run.name(), "");
        html.paragraph("note", state());
        driverSummary.ifPresent(summary -> html.rawParagraph(Html.escape(summary)
                + (Files.exists(run.dir().resolve(RunFolder.GATLING_REPORT))
                        ? " · " + Html.link(RunFolder.GATLING_REPORT, "Gatling's report") : "")));
        if (!missing.isEmpty()) {
            html.paragraph("missing", "Not in this report (the rest is):");
            html.list("missing", missing);
        }
        verdictTable(html);
        sloTable(html);
        curves(html);
        leaksOffTheCharts(html);
        wholeRunDiff(html);
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
        return leak + span + collectors() + run.profiles().size() + " profile captures · " + outcome;
    }

    /**
     * The target's collectors as the sampler found them (its latest {@code target_jvm} event), with G1's flags
     * that bound the garbage its live-heap reading may count; empty when the sampler never attached.
     */
    private String collectors() {
        return run.events().reversed().stream().filter(e -> RunEvent.TARGET_JVM.equals(e.type())).findFirst()
                .map(e -> {
                    List<String> names = new ArrayList<>();
                    e.fields().path("collectors").forEach(name -> names.add(name.asText()));
                    String g1 = e.fields().has("g1_heap_waste_percent")
                            ? " (G1HeapWastePercent " + e.text("g1_heap_waste_percent")
                            + ", G1MixedGCLiveThresholdPercent " + e.text("g1_mixed_gc_live_threshold_percent") + ")"
                            : "";
                    return "collectors: " + String.join(", ", names) + g1 + " · ";
                })
                .orElse("");
    }

    private void verdictTable(Html html) {
        html.heading(2, "Verdicts", "verdicts");
        if (verdicts.isEmpty()) {
            html.paragraph("missing", "No verdict: samples.csv has no row yet.");
            return;
        }
        html.paragraph("note", "Each series after its warm-up: Theil–Sen slope of block medians with its 95 % "
                + "confidence interval, a Mann–Kendall trend test corrected for autocorrelation, and a plateau "
                + "check. Leaks first; each leak links to its localization.");
        List<DiffTable.Row> rows = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        verdicts.get().series().entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getValue().verdict() != Verdict.LEAK))
                .forEach(e -> {
                    SeriesVerdict v = e.getValue();
                    rows.add(new DiffTable.Row(List.of(e.getKey(), v.verdict().jsonName(),
                            VerdictText.perHour(v.slopePerHour(), v.unit()), VerdictText.ci(v),
                            VerdictText.hours(v.hoursToLimit()),
                            Quantities.sinceStart(v.windowStartMs(), startMs) + " … "
                                    + Quantities.sinceStart(v.windowEndMs(), startMs),
                            v.reason()), List.of()));
                    classes.add(v.verdict().jsonName());
                });
        html.table(List.of("series", "verdict", "slope", "95 % CI", "time to limit", "evidence window", "why"),
                rows, classes, List.of(false, false, true, true, true, false, false));
        if (!leaks.isEmpty()) {
            html.rawParagraph("Localized leaks: " + String.join(" · ", leaks.stream()
                    .map(l -> Html.link("#leak-" + l.series(), l.series())).toList()));
        }
    }

    private void sloTable(Html html) {
        if (verdicts.isEmpty()) {
            return;
        }
        html.heading(2, "SLOs (the seed's §5 table)", "slo");
        List<DiffTable.Row> rows = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (SloResult slo : verdicts.get().slo()) {
            String outcome = slo.pass() == null ? "not evaluated" : slo.pass() ? "pass" : "FAIL";
            rows.add(new DiffTable.Row(List.of(slo.name(), outcome, Quantities.number(slo.value()),
                    Quantities.number(slo.limit()), slo.detail()), List.of()));
            classes.add(slo.pass() == null ? "" : slo.pass() ? "pass" : "fail");
        }
        html.table(List.of("SLO", "outcome", "value", "limit", "how"), rows, classes,
                List.of(false, false, true, true, false));
    }

    private void curves(Html html) {
        html.heading(2, "Curves", "curves");
        if (charts.isEmpty()) {
            html.paragraph("missing", "No curve: samples.csv has no row yet.");
            return;
        }
        html.paragraph("note", "Left axis: the resource. Right axes: the latency p99 and the request rate the "
                + "Gatling clients saw, per 10 s of wall-clock time. Shaded: the lead line's warm-up. "
                + "Dotted lines: profile captures.");
        for (RunCurves.Rendered chart : charts) {
            html.figure(InlineSvg.of(chart.file()), "columns: " + String.join(", ", chart.columns())
                    + " · " + RunReport.CHARTS_DIR + "/" + chart.file().getFileName());
            localizations(html, leaks.stream().filter(l -> chartOf(l).filter(chart.group()::equals).isPresent())
                    .toList());
        }
    }

    private void leaksOffTheCharts(Html html) {
        List<LocalizedLeak> elsewhere = leaks.stream().filter(l -> chartOf(l).isEmpty()
                || charts.stream().noneMatch(c -> c.group().equals(chartOf(l).get()))).toList();
        if (!elsewhere.isEmpty()) {
            html.heading(2, "Leaks on series without a chart", "other-leaks");
            localizations(html, elsewhere);
        }
    }

    private static Optional<CurveGroup> chartOf(LocalizedLeak leak) {
        return CurveCatalog.groupShowing(leak.series().replaceFirst("_per_s$", ""));
    }

    /** Leaks of one kind sharing one diff are localized once, under the first of them. */
    private void localizations(Html html, List<LocalizedLeak> onChart) {
        Map<String, List<LocalizedLeak>> byEvidence = new LinkedHashMap<>();
        for (LocalizedLeak leak : onChart) {
            String evidence = leak.kind() + "@" + leak.diff().map(d -> d.from().tsMs() + "-" + d.to().tsMs()).orElse("");
            byEvidence.computeIfAbsent(evidence, k -> new ArrayList<>()).add(leak);
        }
        byEvidence.values().forEach(group -> localization(html, group));
    }

    private void localization(Html html, List<LocalizedLeak> group) {
        LocalizedLeak first = group.getFirst();
        for (LocalizedLeak leak : group.subList(1, group.size())) {
            html.anchor("leak-" + leak.series());
        }
        html.heading(3, "Leak: " + String.join(", ", group.stream().map(LocalizedLeak::series).toList()) + " — "
                + VerdictText.perHour(first.verdict().slopePerHour(), first.verdict().unit()), "leak-" + first.series());
        if (first.diff().isEmpty()) {
            html.paragraph("missing", "Not localized: needs two complete profile captures after this series' "
                    + "warm-up (it ends at " + Quantities.sinceStart(first.verdict().windowStartMs(), startMs)
                    + "); the run has " + run.profiles().size() + " in all.");
            return;
        }
        ProfileDiff diff = first.diff().get();
        html.paragraph("note", "Between capture " + diff.from().tsMs() + " ("
                + Quantities.sinceStart(diff.from().tsMs(), startMs) + ") and " + diff.to().tsMs() + " ("
                + Quantities.sinceStart(diff.to().tsMs(), startMs) + "). Kind: " + first.kind().jsonName() + ".");
        if (first.sites().isEmpty()) {
            html.paragraph("note", "No code site in the profiles for this kind; the groups that grew are below.");
        } else {
            html.rawParagraph("Blamed, best first: " + String.join(" · ",
                    first.sites().stream().map(s -> "<code>" + Html.escape(s) + "</code>").toList()));
        }
        DiffTables.of(diff, first.kind()).forEach(html::diffTable);
        if (!diff.missing().isEmpty()) {
            html.list("missing", diff.missing());
        }
    }

    private void wholeRunDiff(Html html) {
        html.heading(2, "What grew over the whole run", "profiles");
        if (wholeRun.isEmpty()) {
            html.paragraph("missing", "Needs two complete profile captures; this run has " + run.profiles().size()
                    + ".");
            return;
        }
        ProfileDiff d = wholeRun.get();
        html.rawParagraph(Html.escape("Capture " + d.from().tsMs() + " (" + Quantities.sinceStart(d.from().tsMs(),
                startMs) + ") to " + d.to().tsMs() + " (" + Quantities.sinceStart(d.to().tsMs(), startMs)
                + "), warm-up included; the last capture is the last heap walk when two were taken")
                + wholeRunText.map(f -> " · as text: " + Html.link(relative(f), relative(f)))
                .orElse(""));
        DiffTables.all(d).forEach(html::diffTable);
        if (!d.missing().isEmpty()) {
            html.paragraph("missing", "Not compared:");
            html.list("missing", d.missing());
        }
    }

    private void rawFiles(Html html) {
        html.heading(2, "Raw files", "files");
        List<String> links = new ArrayList<>();
        for (String file : List.of(RunFolder.GATLING_REPORT, RunReport.VERDICTS, RunFolder.SAMPLES,
                RunFolder.EVENTS, RunFolder.MANIFEST, RunFolder.PROFILES, "logs", RunFolder.GATLING_LOG)) {
            if (Files.exists(run.dir().resolve(file))) {
                links.add(Html.link(file, file));
            }
        }
        run.events().stream().filter(e -> RunEvent.JFR_ASSEMBLED.equals(e.type()))
                .filter(e -> Files.isRegularFile(run.dir().resolve(e.text("file"))))
                .forEach(e -> links.add(Html.link(e.text("file"), e.text("file"))
                        + Html.escape(" (the JFR recording of the target pid " + e.text("pid") + ", which died without"
                        + " closing it: its chunks, to its last flush)")));
        html.rawParagraph(links.isEmpty() ? "none" : String.join(" · ", links));
    }

    private String relative(Path file) {
        return run.dir().relativize(file).toString();
    }
}
