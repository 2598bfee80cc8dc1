package dev.leakhunt.charts.report;

import dev.leakhunt.charts.localize.CaptureReader;
import dev.leakhunt.charts.localize.LeakKind;
import dev.leakhunt.charts.localize.ProfileDiff;
import dev.leakhunt.charts.localize.ProfileWindow;
import dev.leakhunt.charts.run.ProfileCapture;
import dev.leakhunt.charts.verdict.Leak;
import dev.leakhunt.charts.verdict.SeriesVerdict;
import dev.leakhunt.charts.verdict.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A series judged {@code leak}, with the profile diff over its evidence window (from the first capture after
 * its warm-up to the last; heap walks for heap kinds when there are two) and the code sites that diff blames.
 * Empty diff: fewer than two captures in the window.
 */
record LocalizedLeak(String series, LeakKind kind, SeriesVerdict verdict, Optional<ProfileDiff> diff,
                     List<String> sites) {

    Leak toJson() {
        return new Leak(series, kind.jsonName(), sites);
    }

    /** Every leak of the verdicts, localized; leaks with the same window share one diff. */
    static List<LocalizedLeak> of(Map<String, SeriesVerdict> verdicts, List<ProfileCapture> captures,
            CaptureReader reader) {
        Map<ProfileWindow, ProfileDiff> diffs = new HashMap<>();
        List<LocalizedLeak> leaks = new ArrayList<>();
        verdicts.forEach((series, verdict) -> {
            if (verdict.verdict() != Verdict.LEAK) {
                return;
            }
            LeakKind kind = LeakKind.of(series);
            Optional<ProfileDiff> diff = ProfileWindow.of(captures, OptionalLong.of(verdict.windowStartMs()), kind)
                    .map(window -> diffs.computeIfAbsent(window, w -> w.diff(reader)));
            leaks.add(new LocalizedLeak(series, kind, verdict, diff, diff.map(kind::sites).orElse(List.of())));
        });
        return List.copyOf(leaks);
    }
}
