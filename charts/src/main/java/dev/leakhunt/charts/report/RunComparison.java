package dev.leakhunt.charts.report;

import dev.leakhunt.charts.curves.RunCurves;
import dev.leakhunt.charts.curves.RunOverlay;
import dev.leakhunt.charts.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code charts compare}: the same curves of several runs overlaid, into {@code <out>/index.html} and {@code <out>/charts/}. */
public final class RunComparison {

    public static final String HTML = "index.html";

    private RunComparison() {
    }

    public static Path write(List<Path> runDirs, Path outDir) throws IOException {
        List<RunFolder> runs = runDirs.stream().map(RunFolder::open).toList();
        List<RunOverlay.Run> withSamples = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (RunFolder run : runs) {
            if (run.samples().isPresent() && run.samples().get().size() > 0 && run.startMs().isPresent()) {
                withSamples.add(new RunOverlay.Run(run.name(), run.samples().get(), run.startMs().getAsLong()));
            } else {
                missing.add(run.name() + ": no samples, so no curve");
            }
        }
        Files.createDirectories(outDir);
        List<RunCurves.Rendered> charts = RunOverlay.write(withSamples, outDir.resolve(RunReport.CHARTS_DIR));
        Path html = outDir.resolve(HTML);
        Files.writeString(html, new ComparePage(runs, outDir, missing, charts).render());
        return html;
    }
}
