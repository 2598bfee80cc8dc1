package dev.leakhunt.charts.curves;

import dev.leakhunt.charts.run.Samples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes one SVG per {@link CurveCatalog} group that the samples hold into a folder. */
public final class RunCurves {

    /** A chart written to {@code file}; {@code columns} are the samples.csv columns it draws. */
    public record Rendered(CurveGroup group, Path file, List<String> columns) {
    }

    private RunCurves() {
    }

    /**
     * @param subtitles a line of text per group id (e.g. the lead series' verdict); groups without one get none
     */
    public static List<Rendered> write(Samples samples, TimeAxis time, ChartMarks marks, Optional<LoadOverlay> load,
            Map<String, String> subtitles, Path outDir) throws IOException {
        List<Rendered> rendered = new ArrayList<>();
        for (CurveGroup group : CurveCatalog.groups()) {
            List<CurveSeries> series = group.seriesFrom(samples);
            if (series.isEmpty()) {
                continue;
            }
            Path file = outDir.resolve(group.id() + ".svg");
            SvgFile.write(CurveChart.build(group.title(), Optional.ofNullable(subtitles.get(group.id())),
                    group.unit(), series, time, marks, load), file);
            rendered.add(new Rendered(group, file, series.stream().map(CurveSeries::column).toList()));
        }
        return List.copyOf(rendered);
    }
}
