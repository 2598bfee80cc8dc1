package dev.leakhunt.charts.findings;

import static dev.leakhunt.charts.findings.Findings.bytes;

import dev.leakhunt.charts.localize.CaptureReader;
import dev.leakhunt.charts.localize.ClassHistogram;
import dev.leakhunt.charts.localize.LeakKind;
import dev.leakhunt.charts.localize.ProfileDiff;
import dev.leakhunt.charts.localize.ProfileWindow;
import dev.leakhunt.charts.localize.Tally;
import dev.leakhunt.charts.report.Quantities;
import dev.leakhunt.charts.run.ProfileCapture;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * What the heap gained between the first heap walk after warm-up and the last one: the class histograms'
 * totals, the classes that grew most, and the sites that keep the most of it (JFR old-object samples). A
 * warmed-up service with no leak gains next to nothing; a leak shows its class and its site.
 */
final class HeapDiffSummary {
    private static final int SITES = 3;

    private HeapDiffSummary() {
    }

    /**
     * One line, or why there is none (fewer than two captures after warm-up). Between heap walks when two follow
     * the load's declared warm-up (its first is the sampler's warm-up baseline), as the report's localization does.
     */
    static String line(ExperimentRun run) {
        Optional<ProfileWindow> window = ProfileWindow.of(run.capturesFrom(run.loadStartMs()),
                OptionalLong.of(run.declaredWarmupEndMs()), LeakKind.HEAP);
        if (window.isEmpty()) {
            return "heap diff: fewer than two profile captures after warm-up";
        }
        ProfileCapture from = window.get().from();
        ProfileCapture to = window.get().to();
        ProfileDiff diff = ProfileDiff.between(from, to);
        String sites = diff.heapSites().map(s -> s.stream().limit(SITES)
                        .map(site -> Quantities.signedBytes(site.bytesDelta()) + " " + site.site())
                        .collect(Collectors.joining("; ")))
                .filter(text -> !text.isEmpty()).orElse("no site");
        String classes = diff.classes().map(c -> c.stream().limit(SITES)
                        .map(g -> Quantities.signedBytes(g.bytesDelta()) + " " + g.key())
                        .collect(Collectors.joining("; ")))
                .filter(text -> !text.isEmpty()).orElse("none");
        return String.format("heap diff %s -> %s (%.0f min): the class histogram %s -> %s; classes that gained most:"
                        + " %s; sites that keep most of it: %s", run.sinceLoad(from.tsMs()),
                run.sinceLoad(to.tsMs()), (to.tsMs() - from.tsMs()) / 60_000.0, histogramBytes(from),
                histogramBytes(to), classes, sites);
    }

    /**
     * The histogram's total. The sampler takes it with {@code -all} after a young collection, without the full
     * GC that would stop the target for long: objects the old generation has not collected yet count (G1's filler
     * arrays, dead space rather than objects, do not: {@link ClassHistogram}).
     */
    private static String histogramBytes(ProfileCapture capture) {
        if (!capture.has(CaptureReader.HISTOGRAM)) {
            return "–";
        }
        try {
            return bytes(ClassHistogram.read(capture.file(CaptureReader.HISTOGRAM)).values().stream()
                    .mapToLong(Tally::bytes).sum());
        } catch (IOException | RuntimeException unreadable) {
            return "– (" + unreadable.getMessage() + ")";
        }
    }
}
