package dev.leakhunt.charts.verdict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything {@code verdicts.json} holds: a verdict per series, the localized leaks and the SLO table. */
public record Verdicts(Map<String, SeriesVerdict> series, List<Leak> leaks, List<SloResult> slo) {

    public Verdicts {
        series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
        leaks = List.copyOf(leaks);
        slo = List.copyOf(slo);
    }

    /** The same verdicts with the leaks the localization found. */
    public Verdicts withLeaks(List<Leak> localized) {
        return new Verdicts(series, localized, slo);
    }
}
