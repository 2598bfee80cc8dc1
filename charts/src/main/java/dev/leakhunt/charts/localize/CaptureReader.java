package dev.leakhunt.charts.localize;

import dev.leakhunt.charts.run.ProfileCapture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the files of profile captures, each at most once: a report diffs the same captures for several leaking
 * series, and a heap.jfr can take seconds to read. A file that is absent or unreadable is recorded in the
 * caller's list of what is missing and yields empty.
 */
public final class CaptureReader {

    public static final String HEAP_JFR = "heap.jfr";
    public static final String HISTOGRAM = "histogram.txt";
    public static final String THREADS = "threads.txt";
    public static final String FDS = "fds.tsv";
    public static final String NMT = "nmt.txt";

    interface Parser<T> {
        T parse(Path file) throws IOException;
    }

    private final Map<Path, Optional<?>> parsed = new HashMap<>();
    private final Map<Path, String> failures = new HashMap<>();

    public Optional<HeapRecording> heap(ProfileCapture capture, List<String> missing) {
        return read(capture, HEAP_JFR, HeapRecording::read, missing);
    }

    public Optional<Map<String, Tally>> histogram(ProfileCapture capture, List<String> missing) {
        return read(capture, HISTOGRAM, ClassHistogram::read, missing);
    }

    public Optional<Map<ThreadGroups.Stack, Tally>> threads(ProfileCapture capture, List<String> missing) {
        return read(capture, THREADS, ThreadGroups::read, missing);
    }

    public Optional<Map<FdGroups.Kind, Tally>> fds(ProfileCapture capture, List<String> missing) {
        return read(capture, FDS, FdGroups::read, missing);
    }

    public Optional<Map<String, Tally>> nativeMemory(ProfileCapture capture, List<String> missing) {
        return read(capture, NMT, NativeMemory::read, missing);
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> read(ProfileCapture capture, String name, Parser<T> parser, List<String> missing) {
        Path file = capture.file(name);
        Optional<T> result = (Optional<T>) parsed.computeIfAbsent(file, f -> parse(capture, name, parser));
        if (result.isEmpty()) {
            missing.add(failures.get(file));
        }
        return result;
    }

    private <T> Optional<T> parse(ProfileCapture capture, String name, Parser<T> parser) {
        String where = "profiles/" + capture.tsMs() + "/" + name;
        if (!capture.has(name)) {
            // formats.md: the sampler writes histogram.txt in heap-walk captures only.
            failures.put(capture.file(name), where + switch (name) {
                case HISTOGRAM -> ": absent (a capture without a heap walk)";
                case NMT -> ": absent (the target ran without -XX:NativeMemoryTracking=summary)";
                default -> ": absent";
            });
            return Optional.empty();
        }
        try {
            return Optional.of(parser.parse(capture.file(name)));
        } catch (IOException | RuntimeException e) {
            failures.put(capture.file(name), where + ": unreadable (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }
}
