package dev.leakhunt.charts.curves;

import dev.leakhunt.charts.run.Samples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Optional;

/** Writes one SVG per {@link CurveCatalog} group that the samples hold into a folder. */
public final class RunCurves {

    /** A chart written to {@code file}; {@code columns} are the samples.csv columns it draws. */
    public record Rendered(CurveGroup group, Path file, List<String> columns) {
    }

    private RunCurves() {
    }

    /** What the caller knows about one chart beyond its samples: the marks to draw and an optional subtitle. */
    public record Annotations(ChartMarks marks, Optional<String> subtitle) {
    }

    public static List<Rendered> write(Samples samples, TimeAxis time, Function<CurveGroup, Annotations> annotations,
            Optional<LoadOverlay> load, Path outDir) throws IOException {
        List<Rendered> rendered = new ArrayList<>();
        for (CurveGroup group : CurveCatalog.groups()) {
            List<CurveSeries> series = group.seriesFrom(samples);
            if (series.isEmpty()) {
                continue;
            }
            Path file = outDir.resolve(group.id() + ".svg");
            Annotations notes = annotations.apply(group);
            SvgFile.write(CurveChart.build(group.title(), group.axisLabel(), notes.subtitle(), group.unit(), series, time, notes.marks(),
                    load), file);
            rendered.add(new Rendered(group, file, series.stream().map(CurveSeries::column).toList()));
        }
        return List.copyOf(rendered);
    }
}
