package dev.leakhunt.charts.localize;

import dev.leakhunt.charts.run.ProfileCapture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What grew between two profile captures of one run: heap growth by the site that keeps it (histogram.txt of
 * both and heap.jfr of the later, see {@link HeapGrowthSites}), classes (histogram.txt),
 * thread groups (threads.txt) with the sites that started threads in between (heap.jfr of the later capture),
 * fd groups (fds.tsv), and the code that acquired descriptors, direct memory, class loaders or classes in
 * between (heap.jfr of the later capture, see {@link ResourceCalls}), and the JVM's native memory by category
 * (nmt.txt, see {@link NativeMemory}). A part whose file is absent in either
 * capture is empty and named in {@link #missing()}.
 */
public record ProfileDiff(
        ProfileCapture from,
        ProfileCapture to,
        Optional<List<HeapGrowthSites.Site>> heapSites,
        Optional<List<Growth<String>>> classes,
        Optional<List<Growth<ThreadGroups.Stack>>> threadGroups,
        Optional<Map<String, ThreadStarts.Site>> threadStarts,
        Optional<List<Growth<FdGroups.Kind>>> fdGroups,
        Optional<ResourceCalls> resourceCalls,
        Optional<List<Growth<String>>> nativeMemory,
        List<String> missing) {

    public static ProfileDiff between(ProfileCapture from, ProfileCapture to) {
        return between(from, to, new CaptureReader());
    }

    public static ProfileDiff between(ProfileCapture from, ProfileCapture to, CaptureReader reader) {
        List<String> missing = new ArrayList<>();
        Optional<HeapRecording> heapTo = reader.heap(to, missing);
        Optional<Map<String, Tally>> histogramFrom = reader.histogram(from, missing);
        Optional<Map<String, Tally>> histogramTo = reader.histogram(to, missing);
        Instant fromAt = Instant.ofEpochMilli(from.tsMs());
        Instant toAt = Instant.ofEpochMilli(to.tsMs());
        Optional<List<HeapGrowthSites.Site>> heapSites = both(histogramFrom, histogramTo, (a, b) -> heapTo
                .map(h -> HeapGrowthSites.attribute(a, b, h, fromAt, toAt)))
                .flatMap(sites -> sites);
        return new ProfileDiff(from, to,
                heapSites,
                both(histogramFrom, histogramTo, (a, b) -> Growth.grown(a, b, Growth.Ranking.BYTES)),
                both(reader.threads(from, missing), reader.threads(to, missing),
                        (a, b) -> Growth.grown(a, b, Growth.Ranking.COUNT)),
                heapTo.map(h -> ThreadStarts.between(h, from.tsMs(), to.tsMs())),
                both(reader.fds(from, missing), reader.fds(to, missing),
                        (a, b) -> Growth.grown(a, b, Growth.Ranking.COUNT)),
                heapTo.map(HeapRecording::resourceCalls),
                nativeMemory(from, to, reader, missing),
                List.copyOf(missing));
    }

    /** Only a target started with Native Memory Tracking has nmt.txt: without it in either, nothing is missing. */
    private static Optional<List<Growth<String>>> nativeMemory(ProfileCapture from, ProfileCapture to,
                                                              CaptureReader reader, List<String> missing) {
        if (!from.has(CaptureReader.NMT) && !to.has(CaptureReader.NMT)) {
            return Optional.empty();
        }
        return both(reader.nativeMemory(from, missing), reader.nativeMemory(to, missing),
                (a, b) -> Growth.grown(a, b, Growth.Ranking.BYTES));
    }

    /** The call paths that acquired {@code resource} between the captures, most first. */
    public Optional<List<ResourceCalls.Caller>> callers(ResourceCalls.Resource resource) {
        return resourceCalls.map(calls -> calls.between(resource, Instant.ofEpochMilli(from.tsMs()),
                Instant.ofEpochMilli(to.tsMs())));
    }

    private static <T, R> Optional<R> both(Optional<T> before, Optional<T> after, BiFunction<T, T, R> diff) {
        return before.isPresent() && after.isPresent()
                ? Optional.of(diff.apply(before.get(), after.get()))
                : Optional.empty();
    }
}
