package dev.leakhunt.charts.localize;

import dev.leakhunt.charts.run.ProfileCapture;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The two captures a leak is localized between: the first one after warm-up (before it, caches and pools
 * are still filling and would look like leaks) and the last one (the most growth to see).
 */
public record ProfileWindow(ProfileCapture from, ProfileCapture to) {

    /**
     * For a leak of {@code kind}: between heap-walk captures (those with histogram.txt) when it prefers them and
     * at least two follow warm-up; when only the last one does (a short run: the baseline and the final capture),
     * from the last heap walk before warm-up ended to that one, so that the histogram and the GC-root paths are
     * still compared, warm-up growth included; else between any captures.
     */
    public static Optional<ProfileWindow> of(List<ProfileCapture> captures, OptionalLong warmupEndMs, LeakKind kind) {
        if (kind.prefersHeapWalks()) {
            List<ProfileCapture> heapWalks = captures.stream().filter(c -> c.has(CaptureReader.HISTOGRAM)).toList();
            Optional<ProfileWindow> betweenWalks = of(heapWalks, warmupEndMs);
            if (betweenWalks.isPresent()) {
                return betweenWalks;
            }
            Optional<ProfileWindow> acrossWarmup = acrossWarmup(heapWalks, warmupEndMs);
            if (acrossWarmup.isPresent()) {
                return acrossWarmup;
            }
        }
        return of(captures, warmupEndMs);
    }

    private static Optional<ProfileWindow> acrossWarmup(List<ProfileCapture> heapWalks, OptionalLong warmupEndMs) {
        if (heapWalks.size() < 2 || warmupEndMs.isEmpty() || heapWalks.getLast().tsMs() < warmupEndMs.getAsLong()) {
            return Optional.empty();
        }
        List<ProfileCapture> before = heapWalks.stream().filter(c -> c.tsMs() < warmupEndMs.getAsLong()).toList();
        return before.isEmpty() ? Optional.empty()
                : Optional.of(new ProfileWindow(before.getLast(), heapWalks.getLast()));
    }

    /**
     * Empty unless at least two captures exist at or after the end of warm-up. The later one is the last that
     * holds heap.jfr, when the last capture lacks it and one after the first has it: the sampler stops its JFR
     * work before the target runs out of fds (formats.md, {@code jfr_stopped}), and the code that took them is in
     * the recording's last dump.
     */
    public static Optional<ProfileWindow> of(List<ProfileCapture> captures, OptionalLong warmupEndMs) {
        List<ProfileCapture> afterWarmup = captures.stream()
                .filter(c -> warmupEndMs.isEmpty() || c.tsMs() >= warmupEndMs.getAsLong())
                .toList();
        if (afterWarmup.size() < 2) {
            return Optional.empty();
        }
        List<ProfileCapture> later = afterWarmup.subList(1, afterWarmup.size());
        ProfileCapture to = later.getLast().has(CaptureReader.HEAP_JFR) ? later.getLast()
                : later.reversed().stream().filter(c -> c.has(CaptureReader.HEAP_JFR)).findFirst()
                        .orElse(later.getLast());
        return Optional.of(new ProfileWindow(afterWarmup.getFirst(), to));
    }

    public ProfileDiff diff(CaptureReader reader) {
        return ProfileDiff.between(from, to, reader);
    }
}
