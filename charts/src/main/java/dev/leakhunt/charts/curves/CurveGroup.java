package dev.leakhunt.charts.curves;

import dev.leakhunt.charts.run.Samples;
import java.util.List;
import java.util.Optional;

/**
 * One chart: a resource and the related lines that explain it (live heap beside used, committed and max).
 * The first source is the group's lead line, the one overlaid when runs are compared. {@code axisLabel} is the
 * short name on the vertical axis, before the unit.
 */
public record CurveGroup(String id, String title, String axisLabel, ValueUnit unit, List<SeriesSource> sources) {

    public CurveGroup {
        sources = List.copyOf(sources);
    }

    public SeriesSource lead() {
        return sources.getFirst();
    }

    /** The lines the samples hold; empty when the sampler recorded none of them. */
    public List<CurveSeries> seriesFrom(Samples samples) {
        return sources.stream().map(s -> s.from(samples)).flatMap(Optional::stream).toList();
    }

    public boolean shows(String column) {
        return sources.stream().anyMatch(s -> s.column().equals(column));
    }
}
