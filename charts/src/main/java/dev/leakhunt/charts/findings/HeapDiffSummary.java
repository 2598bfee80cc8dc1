package dev.leakhunt.charts.findings;

import static dev.leakhunt.charts.findings.Findings.bytes;

import dev.leakhunt.charts.localize.CaptureReader;
import dev.leakhunt.charts.localize.ClassHistogram;
import dev.leakhunt.charts.localize.Tally;
import java.io.IOException;
import dev.leakhunt.charts.localize.ProfileDiff;
import dev.leakhunt.charts.report.Quantities;
import dev.leakhunt.charts.run.ProfileCapture;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the heap gained between the first profile capture after warm-up and the last one: the class histograms'
 * totals, the classes that grew most, and the sites that keep the most of it (JFR old-object samples). A
 * warmed-up service with no leak gains next to nothing; a leak shows its class and its site.
 */
final class HeapDiffSummary {
    private static final int SITES = 3;

    private HeapDiffSummary() {
    }

    /** One line, or why there is none (fewer than two captures after warm-up). */
    static String line(ExperimentRun run) {
        List<ProfileCapture> captures = run.capturesFrom(run.warmupEndMs());
        if (captures.size() < 2) {
            return "heap diff: fewer than two profile captures after warm-up";
        }
        ProfileCapture from = captures.getFirst();
        ProfileCapture to = captures.getLast();
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
