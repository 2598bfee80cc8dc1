package dev.leakhunt.charts.localize;

import dev.leakhunt.charts.run.ProfileCapture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What grew between two profile captures of one run: retained allocation sites (heap.jfr), classes (histogram.txt),
 * thread groups (threads.txt) with the sites that started threads in between (heap.jfr of the later capture),
 * and fd groups (fds.tsv). A part whose file is absent in either capture is empty and named in {@link #missing()}.
 */
public record ProfileDiff(
        ProfileCapture from,
        ProfileCapture to,
        Optional<List<Growth<String>>> retainedSites,
        Optional<RetainedSamples> retainedAtEnd,
        Optional<List<Growth<String>>> classes,
        Optional<List<Growth<ThreadGroups.Stack>>> threadGroups,
        Optional<Map<String, ThreadStarts.Site>> threadStarts,
        Optional<List<Growth<FdGroups.Kind>>> fdGroups,
        List<String> missing) {

    public static final String HEAP_JFR = "heap.jfr";
    public static final String HISTOGRAM = "histogram.txt";
    public static final String THREADS = "threads.txt";
    public static final String FDS = "fds.tsv";

    public static ProfileDiff between(ProfileCapture from, ProfileCapture to) {
        List<String> missing = new ArrayList<>();
        Optional<RetainedSamples> retainedFrom = part(from, HEAP_JFR, RetainedSamples::read, missing);
        Optional<RetainedSamples> retainedTo = part(to, HEAP_JFR, RetainedSamples::read, missing);
        Optional<List<Growth<String>>> sites = retainedFrom.isPresent() && retainedTo.isPresent()
                ? Optional.of(Growth.grown(retainedFrom.get().tallies(), retainedTo.get().tallies(), Growth.Ranking.COUNT))
                : Optional.empty();
        return new ProfileDiff(from, to,
                sites,
                retainedTo,
                grown(from, to, HISTOGRAM, ClassHistogram::read, Growth.Ranking.BYTES, missing),
                grown(from, to, THREADS, ThreadGroups::read, Growth.Ranking.COUNT, missing),
                retainedTo.isPresent()
                        ? part(to, HEAP_JFR, f -> ThreadStarts.between(f, from.tsMs(), to.tsMs()), missing)
                        : Optional.empty(),
                grown(from, to, FDS, FdGroups::read, Growth.Ranking.COUNT, missing),
                List.copyOf(missing));
    }

    private interface Parser<T> {
        T parse(Path file) throws IOException;
    }

    private static <K> Optional<List<Growth<K>>> grown(ProfileCapture from, ProfileCapture to, String file,
            Parser<Map<K, Tally>> parser, Growth.Ranking ranking, List<String> missing) {
        Optional<Map<K, Tally>> before = part(from, file, parser, missing);
        Optional<Map<K, Tally>> after = part(to, file, parser, missing);
        return before.isPresent() && after.isPresent()
                ? Optional.of(Growth.grown(before.get(), after.get(), ranking))
                : Optional.empty();
    }

    private static <T> Optional<T> part(ProfileCapture capture, String file, Parser<T> parser, List<String> missing) {
        String where = "profiles/" + capture.tsMs() + "/" + file;
        if (!capture.has(file)) {
            missing.add(where + ": absent");
            return Optional.empty();
        }
        try {
            return Optional.of(parser.parse(capture.file(file)));
        } catch (IOException | RuntimeException e) {
            missing.add(where + ": unreadable (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }
}
