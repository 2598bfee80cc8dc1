package dev.leakhunt.simulations.gate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code make bench-detect}: per leak class over its seeds, recall (soaks whose every series was called a leak),
 * localization (soaks naming the planted method), precision (those detections against the control's false alarms
 * on the same series) and the median times to the first leak verdict and to its confirmation; and the control's
 * false positives, a soak with a leak verdict on any series of the target (the sampler's own columns aside, as in
 * the gate).
 */
final class DetectionQuality {
    private final List<CaseResult> results;

    private DetectionQuality(List<CaseResult> results) {
        this.results = results;
    }

    static DetectionQuality of(List<CaseResult> results) {
        return new DetectionQuality(results);
    }

    String table() {
        List<CaseResult> controls = results.stream().filter(r -> r.gateCase().isControl()).toList();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-8s %5s %8s %10s %10s %14s %14s%n",
                "leak", "soaks", "recall", "localized", "precision", "median first", "median confirm"));
        for (GateCase gateCase : GateCase.ALL) {
            List<CaseResult> runs = results.stream().filter(r -> r.gateCase().equals(gateCase)).toList();
            if (gateCase.isControl() || runs.isEmpty()) {
                continue;
            }
            long detected = runs.stream().filter(CaseResult::detected).count();
            long localized = runs.stream().filter(r -> r.detected() && r.localized()).count();
            long falseAlarms = controls.stream().filter(r -> r.calledLeakOnAny(gateCase.leakingSeries())).count();
            out.append(String.format(Locale.ROOT, "%-8s %5d %8s %10s %10s %14s %14s%n", gateCase.leak().name(),
                    runs.size(), percent(detected, runs.size()), percent(localized, runs.size()),
                    percent(detected, detected + falseAlarms),
                    median(runs.stream().flatMap(r -> r.detection().stream()).mapToLong(CaseResult.Detection::firstLeakMs).toArray()),
                    median(runs.stream().flatMap(r -> r.detection().stream()).mapToLong(CaseResult.Detection::confirmedMs).toArray())));
        }
        List<CaseResult> falsePositives = controls.stream().filter(r -> !r.targetLeaks().isEmpty()).toList();
        out.append(String.format(Locale.ROOT, "control: %d soak(s), %d false positive(s)%s%n", controls.size(),
                falsePositives.size(), falsePositives.isEmpty() ? "" : " — " + String.join("; ", falsePositives
                        .stream().map(r -> "seed " + r.seed() + ": " + r.targetLeaks()).toList())));
        return out.toString();
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f %%", 100.0 * part / whole);
    }

    private static String median(long[] ms) {
        if (ms.length == 0) {
            return "n/a";
        }
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        long median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        return GateLine.minutes(java.time.Duration.ofMillis(median));
    }
}
