package dev.leakhunt.charts.curves;

import dev.leakhunt.charts.run.Samples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The compare charts: for each {@link CurveCatalog} group, its lead line from every run, drawn against time
 * since each run's own start, so a leak run and its fix line up minute for minute.
 */
public final class RunOverlay {

    /** One run's samples and where its time axis starts. */
    public record Run(String name, Samples samples, long startMs) {
    }

    private RunOverlay() {
    }

    public static List<RunCurves.Rendered> write(List<Run> runs, Path outDir) throws IOException {
        long longestMs = runs.stream().filter(r -> r.samples().size() > 0)
                .mapToLong(r -> r.samples().tsMs()[r.samples().size() - 1] - r.startMs()).max().orElse(0);
        TimeAxis time = new TimeAxis(0, longestMs);
        List<RunCurves.Rendered> rendered = new ArrayList<>();
        for (CurveGroup group : CurveCatalog.groups()) {
            List<CurveSeries> lines = new ArrayList<>();
            for (Run run : runs) {
                group.lead().from(run.samples()).ifPresent(line -> lines.add(sinceStart(line, run)));
            }
            if (lines.isEmpty()) {
                continue;
            }
            Path file = outDir.resolve(group.id() + ".svg");
            SvgFile.write(CurveChart.build(group.title() + ": " + group.lead().label(), group.axisLabel(),
                    Optional.empty(),
                    group.unit(), lines, time, ChartMarks.NONE, Optional.empty()), file);
            rendered.add(new RunCurves.Rendered(group, file, List.of(group.lead().column())));
        }
        return List.copyOf(rendered);
    }

    private static CurveSeries sinceStart(CurveSeries line, Run run) {
        long[] rebased = new long[line.tsMs().length];
        for (int i = 0; i < rebased.length; i++) {
            rebased[i] = line.tsMs()[i] - run.startMs();
        }
        return new CurveSeries(run.name(), line.column(), rebased, line.values(), CurveSeries.Style.LINE);
    }
}
