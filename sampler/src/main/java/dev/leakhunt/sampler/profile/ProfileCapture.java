package dev.leakhunt.sampler.profile;

import dev.leakhunt.sampler.Warnings;
import dev.leakhunt.sampler.jfr.HeapEvidenceRecording;
import dev.leakhunt.sampler.jfr.HeapLiveSource;
import dev.leakhunt.sampler.jfr.SafepointLog;
import dev.leakhunt.sampler.jfr.TargetEventStream;
import dev.leakhunt.sampler.jmx.MarkingCycles;
import dev.leakhunt.sampler.jmx.TargetJvm;
import dev.leakhunt.sampler.jmx.ThreadDumpJson;
import dev.leakhunt.sampler.out.EventLog;
import dev.leakhunt.sampler.out.FdTsv;
import dev.leakhunt.sampler.out.ProfileRetention;
import dev.leakhunt.sampler.out.ThreadGroups;
import dev.leakhunt.sampler.proc.FdTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Captures one profile into {@code profiles/<ts_ms>/}: the JSON thread dump and its grouping, a dump of the
 * heap-evidence JFR recording, the fd table, the JVM's native memory by category when the target tracks it
 * ({@code -XX:NativeMemoryTracking=summary}), then the {@code done} marker. The first capture and every
 * {@code heapWalkEvery}-th after it, and the first after the target's warm-up ({@link WarmupBaseline}), also walk
 * the heap at a safepoint: the class histogram, and the search for
 * paths from GC roots to the JFR old-object samples. Both grow with the objects in the heap, garbage included:
 * on the lab target at 400 req/s the histogram paused it 56–191 ms and the path search 33–74 ms with a young
 * generation of up to 280 MB, 26 ms in all right after a young collection. So a heap walk comes right after one:
 * on G1 the sampler requests it ({@link MarkingCycles#collectNow}), else it waits for the target's next GC. A step
 * that fails is skipped with a warning; the others still run. Afterwards the pause the capture
 * caused in the target is measured as the longest non-GC safepoint overlapping the capture (see
 * {@link SafepointLog}),
 * and older folders are thinned by {@link ProfileRetention}.
 * <p>
 * A {@linkplain Trigger#FINAL final} capture, taken when the sampler is stopped while the target lives, always
 * walks the heap: a run that ends early then still has a last histogram and GC-root paths to diff against. It
 * waits less for a GC and for the event stream, because the caller's stop has a deadline.
 */
public final class ProfileCapture {
    /** Safepoint events reach the sampler a few one-second polls later; beyond this, the pause stays unmeasured. */
    private static final Duration STREAM_WAIT = Duration.ofSeconds(20);
    private static final String HISTOGRAM = "histogram.txt";
    private static final Duration GC_WAIT = Duration.ofSeconds(10);
    /** After the load has stopped the target may not collect for minutes; a final capture waits this long at most. */
    private static final Duration FINAL_GC_WAIT = Duration.ofSeconds(2);
    private static final Duration FINAL_STREAM_WAIT = Duration.ofSeconds(5);

    private final TargetJvm jvm;
    private final Optional<HeapEvidenceRecording> heapRecording;
    private final HeapLiveSource gcEnds;
    private final Optional<MarkingCycles> collections;
    private final FdTable fdTable;
    private final TargetEventStream events;
    private final SafepointLog safepoints;
    private final EventLog eventLog;
    private final Warnings warnings;
    private final ProfileRetention retention;
    private final Path runDir;
    private final boolean histogramWithFullGc;
    private final int heapWalkEvery;
    private final WarmupBaseline baseline;
    private long captures;

    public ProfileCapture(TargetJvm jvm, Optional<HeapEvidenceRecording> heapRecording, HeapLiveSource gcEnds,
            Optional<MarkingCycles> collections, FdTable fdTable, TargetEventStream events, SafepointLog safepoints,
            EventLog eventLog, Warnings warnings,
            ProfileRetention retention, Path runDir, boolean histogramWithFullGc, int heapWalkEvery,
            WarmupBaseline baseline) {
        this.jvm = jvm;
        this.heapRecording = heapRecording;
        this.gcEnds = gcEnds;
        this.collections = collections;
        this.fdTable = fdTable;
        this.events = events;
        this.safepoints = safepoints;
        this.eventLog = eventLog;
        this.warnings = warnings;
        this.retention = retention;
        this.runDir = runDir;
        this.histogramWithFullGc = histogramWithFullGc;
        this.heapWalkEvery = heapWalkEvery;
        this.baseline = baseline;
    }

    /** Why a capture is taken. */
    public enum Trigger {
        /** The profile period: a heap walk every {@code heapWalkEvery}-th time. */
        SCHEDULED,
        /** The sampler is stopping while the target lives: always a heap walk, marked {@code "final": true}. */
        FINAL
    }

    /** A step of the capture that writes one file into the profile folder. */
    @FunctionalInterface
    private interface Step {
        void writeTo(Path file) throws IOException;
    }

    public void capture(long tsMs, Trigger trigger) throws IOException {
        Path relative = Path.of("profiles", Long.toString(tsMs));
        Path dir = Files.createDirectories(runDir.resolve(relative)).toAbsolutePath();
        boolean last = trigger == Trigger.FINAL;
        boolean first = captures == 0;
        boolean scheduledWalk = captures++ % heapWalkEvery == 0;
        boolean atBaseline = baseline.isBaseline(tsMs);
        boolean heapWalk = scheduledWalk || last || atBaseline;
        // A diff reads GC-root paths from its later capture only, and neither the first capture nor the baseline
        // is meant to be one: the first's search, at the target's start and in its JIT warm-up, paused the lab
        // target 54 ms for paths no report reads.
        boolean rootPaths = scheduledWalk && !first || last;
        if (heapWalk) {
            emptyYoungGeneration(tsMs, last ? FINAL_GC_WAIT : GC_WAIT);
        }
        Instant start = Instant.now();
        List<String> files = new ArrayList<>();
        step(tsMs, dir, "threads.json", files,
                file -> jvm.diagnosticCommand("threadDumpToFile", "-format=json", file.toString()));
        step(tsMs, dir, "threads.txt", files, this::groupThreads);
        heapRecording.ifPresent(recording -> step(tsMs, dir, "heap.jfr", files, file -> recording.dumpTo(file, rootPaths)));
        if (heapWalk) {
            step(tsMs, dir, HISTOGRAM, files, file -> Files.writeString(file, histogram()));
        }
        step(tsMs, dir, "fds.tsv", files, file -> Files.writeString(file, FdTsv.render(fdTable.read())));
        if (tracksNativeMemory(tsMs)) {
            step(tsMs, dir, "nmt.txt", files, file -> Files.writeString(file, jvm.nativeMemorySummary()));
        }
        Instant end = Instant.now();
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        if (files.isEmpty()) {
            Files.delete(dir); // nothing could be captured (the target is going away): no folder, no event
            return;
        }
        Files.createFile(dir.resolve("done"));
        Optional<Optional<SafepointLog.Safepoint>> longest = longestPauseDuring(start, end,
                last ? FINAL_STREAM_WAIT : STREAM_WAIT);
        eventLog.write(tsMs, "profile", e -> {
            e.put("dir", relative.toString());
            e.put("duration_ms", end.toEpochMilli() - start.toEpochMilli());
            e.put("heap_walk", heapWalk);
            if (last) {
                e.put("final", true);
            }
            files.forEach(e.putArray("files")::add);
            longest.ifPresent(measured -> measured.ifPresentOrElse(
                    s -> e.put("max_pause_ms", s.durationNs() / 1e6).put("pause_operation", s.operation()),
                    () -> e.put("max_pause_ms", 0).put("pause_operation", "none")));
        });
        thinOlderProfiles(tsMs);
    }

    private void step(long tsMs, Path dir, String name, List<String> files, Step step) {
        if (Thread.currentThread().isInterrupted()) {
            return; // the sampler is closing: the folder stays without its done marker, an interrupted capture
        }
        Path file = dir.resolve(name);
        try {
            step.writeTo(file);
            files.add(name);
        } catch (IOException | RuntimeException e) {
            warnings.failed("profile " + name, tsMs, e);
        }
    }

    private boolean tracksNativeMemory(long tsMs) {
        try {
            return jvm.tracksNativeMemory();
        } catch (IOException | RuntimeException e) {
            warnings.failed("profile nmt.txt", tsMs, e);
            return false;
        }
    }

    private void groupThreads(Path file) throws IOException {
        try (InputStream json = Files.newInputStream(file.resolveSibling("threads.json"))) {
            Files.writeString(file, ThreadGroups.render(ThreadDumpJson.threads(json)));
        }
    }

    /**
     * Heap walks go right after a young collection: one the sampler requests, else the target's next one within
     * {@code wait}; a target that never collects is walked anyway.
     */
    private void emptyYoungGeneration(long tsMs, Duration wait) {
        try {
            if (collections.isPresent() && collections.get().collectNow()) {
                return;
            }
            gcEnds.awaitNextGcEnd(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            warnings.failed("profile young collection", tsMs, e);
        }
    }

    /** {@code -all} also counts unreachable objects but, unlike the default, does not force a full GC. */
    private String histogram() throws IOException {
        return histogramWithFullGc ? jvm.diagnosticCommand("gcClassHistogram")
                : jvm.diagnosticCommand("gcClassHistogram", "-all");
    }

    /**
     * Waits until the JFR stream has passed the capture, so that its safepoints have arrived. Empty when it has
     * not (unmeasured); an empty inner value when the capture overlapped no safepoint (no global pause at all).
     */
    private Optional<Optional<SafepointLog.Safepoint>> longestPauseDuring(Instant start, Instant end, Duration wait) {
        try {
            if (!events.awaitStreamedPast(end, wait)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.of(safepoints.longestNonGcBetween(start, end));
    }

    private void thinOlderProfiles(long tsMs) throws IOException {
        Path profiles = runDir.resolve("profiles");
        List<Long> timestamps;
        try (Stream<Path> dirs = Files.list(profiles)) {
            timestamps = dirs.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("\\d+"))
                    .map(Long::parseLong)
                    .sorted()
                    .toList();
        }
        Set<Long> heapWalks = timestamps.stream()
                .filter(ts -> Files.exists(profiles.resolve(Long.toString(ts)).resolve(HISTOGRAM)))
                .collect(Collectors.toSet());
        for (long old : retention.toDelete(timestamps, heapWalks)) {
            try (Stream<Path> tree = Files.walk(profiles.resolve(Long.toString(old)))) {
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                warnings.failed("profile retention", tsMs, e);
            }
        }
    }
}
