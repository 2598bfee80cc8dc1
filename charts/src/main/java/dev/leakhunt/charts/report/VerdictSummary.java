package dev.leakhunt.charts.report;

import dev.leakhunt.charts.verdict.Leak;
import dev.leakhunt.charts.verdict.SeriesVerdict;
import dev.leakhunt.charts.verdict.SloResult;
import dev.leakhunt.charts.verdict.Verdict;
import dev.leakhunt.charts.verdict.Verdicts;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The verdicts in a few lines of text, for the terminal that ran the soak: the count per verdict, then every
 * series that is not flat — leaks first, with their slope, limit and sites; plateaus and inconclusive series with
 * the reason — then the SLOs that failed.
 */
public final class VerdictSummary {

    private static final List<Verdict> ORDER = List.of(Verdict.LEAK, Verdict.PLATEAU, Verdict.INCONCLUSIVE);

    private VerdictSummary() {
    }

    public static List<String> lines(Verdicts verdicts) {
        Map<Verdict, Long> counts = new EnumMap<>(verdicts.series().values().stream()
                .collect(Collectors.groupingBy(SeriesVerdict::verdict, Collectors.counting())));
        List<String> lines = new ArrayList<>();
        lines.add("verdicts: " + List.of(Verdict.LEAK, Verdict.PLATEAU, Verdict.FLAT, Verdict.INCONCLUSIVE).stream()
                .map(v -> counts.getOrDefault(v, 0L) + " " + v.jsonName()).collect(Collectors.joining(", ")));
        for (Verdict shown : ORDER) {
            verdicts.series().forEach((name, v) -> {
                if (v.verdict() == shown) {
                    lines.add("  " + (shown == Verdict.LEAK
                            ? VerdictText.summary(name, v) + sites(verdicts.leaks(), name)
                            : name + ": " + v.verdict().jsonName() + " (" + v.reason() + ")"));
                }
            });
        }
        List<SloResult> failed = verdicts.slo().stream().filter(s -> Boolean.FALSE.equals(s.pass())).toList();
        long judged = verdicts.slo().stream().filter(s -> s.pass() != null).count();
        lines.add(String.format(Locale.ROOT, "slo: %d of %d pass%s", judged - failed.size(), judged,
                failed.isEmpty() ? "" : "; failed: " + failed.stream().map(s -> s.name() + " (" + s.detail() + ")")
                        .collect(Collectors.joining("; "))));
        return lines;
    }

    private static String sites(List<Leak> leaks, String series) {
        return leaks.stream().filter(l -> l.series().equals(series) && !l.sites().isEmpty()).findFirst()
                .map(l -> " at " + String.join(", ", l.sites())).orElse("");
    }
}
