package dev.leakhunt.charts.report;

import dev.leakhunt.charts.curves.RunCurves;
import dev.leakhunt.charts.curves.RunOverlay;
import dev.leakhunt.charts.run.RunFolder;
import dev.leakhunt.charts.run.Samples;
import dev.leakhunt.charts.verdict.RunContext;
import dev.leakhunt.charts.verdict.RunVerdicts;
import dev.leakhunt.charts.verdict.Verdicts;
import dev.leakhunt.charts.verdict.VerdictsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code charts compare}: the same curves of several runs overlaid, into {@code <out>/index.html} and {@code <out>/charts/}. */
public final class RunComparison {

    public static final String HTML = "index.html";

    private RunComparison() {
    }

    public static Path write(List<Path> runDirs, Path outDir) throws IOException {
        List<RunFolder> runs = runDirs.stream().map(RunFolder::open).toList();
        List<RunOverlay.Run> withSamples = new ArrayList<>();
        Map<String, Verdicts> verdicts = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (RunFolder run : runs) {
            if (run.samples().isPresent() && run.samples().get().size() > 0 && run.startMs().isPresent()) {
                withSamples.add(new RunOverlay.Run(run.name(), run.samples().get(), run.startMs().getAsLong()));
                verdicts.put(run.name(), verdictsOf(run, missing));
            } else {
                missing.add(run.name() + ": no samples, so no curve and no verdict");
            }
        }
        Files.createDirectories(outDir);
        List<RunCurves.Rendered> charts = RunOverlay.write(withSamples, outDir.resolve(RunReport.CHARTS_DIR));
        Path html = outDir.resolve(HTML);
        Files.writeString(html, new ComparePage(runs, outDir, missing, verdicts, charts).render());
        return html;
    }

    /**
     * The run's own verdicts.json when its report was built — the same verdicts its report shows — else judged
     * now from its samples (without its Gatling log: the compare table has no SLO column).
     */
    private static Verdicts verdictsOf(RunFolder run, List<String> missing) {
        Path written = run.dir().resolve(RunReport.VERDICTS);
        if (Files.isRegularFile(written)) {
            try {
                return VerdictsJson.read(written);
            } catch (IOException | RuntimeException e) {
                missing.add(run.name() + ": " + RunReport.VERDICTS + " unreadable (" + e.getMessage()
                        + "), judged again from samples.csv");
            }
        }
        Samples samples = run.samples().orElseThrow();
        return RunVerdicts.judge(samples, RunContext.of(run.manifest(), run.events(), samples.tsMs()[0]), null);
    }
}
