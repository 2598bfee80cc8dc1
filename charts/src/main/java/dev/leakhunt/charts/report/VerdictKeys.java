package dev.leakhunt.charts.report;

import dev.leakhunt.charts.curves.SeriesSource;
import dev.leakhunt.charts.verdict.RunVerdicts;

/** Where a chart line's verdict is found in {@code verdicts.json}: a counter drawn as a rate is judged as a rate too. */
final class VerdictKeys {

    private VerdictKeys() {
    }

    static String of(SeriesSource source) {
        return source.transform() == SeriesSource.Transform.RATE_PER_WALL_SECOND
                ? RunVerdicts.rateName(source.column())
                : source.column();
    }
}
