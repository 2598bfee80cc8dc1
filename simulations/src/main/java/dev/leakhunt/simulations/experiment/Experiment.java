package dev.leakhunt.simulations.experiment;

import dev.leakhunt.simulations.soak.LabHeap;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The experiments of src/docs/experiments/: each a few soaks of the lab target whose run folders
 * {@code charts.jar findings <name>} reads for its headline numbers. Soaks two experiments share (the same
 * arguments) share their run folder, and one that already finished is not run again.
 */
public enum Experiment {
    /**
     * The map leak inside a 512 MiB memory cgroup, three ways of sizing the heap: the heap allowed past the
     * container, the heap sized from it, and ZGC told to keep the heap smaller than its maximum. G1 is named: in a
     * 512 MiB container the JVM picks the Serial collector by itself (under 1,792 MB it is no "server" machine),
     * which has no GC threads whose CPU could be measured.
     */
    MEMORY_LIMIT("memory-limit",
            soak("memory-limit/xmx1g", "map", "10m", "-XX:+UseG1GC -Xmx1g", "--rate=1000", "--memory-limit=512m",
                    "--interval=2s"),
            soak("memory-limit/max-ram-percentage", "map", "10m", "-XX:+UseG1GC -XX:MaxRAMPercentage=75",
                    "--rate=1000", "--memory-limit=512m", "--interval=2s"),
            // 75 % left this service's native memory too little room: the kernel killed it before the heap was full
            soak("memory-limit/max-ram-percentage-50", "map", "10m", "-XX:+UseG1GC -XX:MaxRAMPercentage=50",
                    "--rate=1000", "--memory-limit=512m", "--interval=2s"),
            soak("memory-limit/zgc-soft-max", "map", "10m",
                    "-XX:+UseZGC -XX:MaxRAMPercentage=75 -XX:SoftMaxHeapSize=256m", "--rate=1000",
                    "--memory-limit=512m", "--interval=2s")),
    /** The map leak and its fix on a fixed 256 MB heap at 800 req/s: the leak fills half the heap in 10 minutes. */
    GC_UNDER_GROWING_HEAP("gc-growing-heap", Pairs.MAP_256M, Pairs.FIXED_256M),
    /** The same pair read for the cache: it warms and plateaus in both, the map grows only in the leak. */
    CACHE_VS_LEAK("cache-vs-leak", Pairs.FIXED_256M, Pairs.MAP_256M),
    /**
     * The fd leak under a 1,024 open-file limit, and its fix under the same limit; 6 minutes, so that the fix's
     * curves have the verdict's 2.5 minutes of evidence after the cache's warm-up.
     */
    FD_EXHAUSTION("fd-exhaustion",
            soak("fd-exhaustion/fd", "fd", "6m", "", "--nofile=1024"),
            soak("fd-exhaustion/fixed", "none", "6m", "", "--nofile=1024")),
    /** The longest clean run: every leak fixed, the lab's default flags, over an hour. */
    FIX_AND_FLATTEN("fix-and-flatten", soak("fix-and-flatten/fixed", "none", "65m", "")),
    /**
     * Load waves on a heap free to grow and shrink (the JVM's default initial heap, 1/64 of the machine's memory,
     * and a 1 GB maximum): the JVM's defaults, then periodic GC (which uncommits the heap G1 no longer needs) and
     * native trim (which hands the C allocator's free memory back). On a heap that starts at 64 MB there was next
     * to nothing to hand back: G1 grew it to 97 MB under 800 requests/s, and idle it was 42 % free, below the
     * 70 % at which G1 shrinks.
     */
    RETURNING_MEMORY("returning-memory",
            soak("returning-memory/defaults", "none", "9m", "-Xmx1g", "--rate=400", "--waves=90s/90s"),
            soak("returning-memory/uncommit-and-trim", "none", "9m",
                    "-Xmx1g -XX:G1PeriodicGCInterval=15000 -XX:TrimNativeHeapInterval=15000", "--rate=400",
                    "--waves=90s/90s"));

    private final String id;
    private final List<ExperimentSoak> soaks;

    Experiment(String id, ExperimentSoak... soaks) {
        this.id = id;
        this.soaks = List.of(soaks);
    }

    public String id() {
        return id;
    }

    public List<ExperimentSoak> soaks() {
        return soaks;
    }

    /** The experiment of that id, or an IllegalArgumentException whose message names the valid ones. */
    public static Experiment parse(String id) {
        return Stream.of(values()).filter(e -> e.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown experiment '" + id + "': valid are "
                        + String.join("|", Stream.of(values()).map(Experiment::id).toList())));
    }

    /**
     * A soak of the lab target with {@code leak} for {@code duration}, the lab's flags replaced by {@code javaOpts}
     * when given (Native Memory Tracking always on, for the RSS−heap gap), and further soak options.
     */
    private static ExperimentSoak soak(String folder, String leak, String duration, String javaOpts,
                                       String... options) {
        List<String> arguments = new ArrayList<>(List.of("--leak=" + leak, "--duration=" + duration));
        if (!javaOpts.isEmpty()) {
            arguments.add("--java-opts=" + javaOpts + " -XX:NativeMemoryTracking=summary");
        }
        arguments.addAll(List.of(options));
        return new ExperimentSoak(folder, List.copyOf(arguments));
    }

    /** Soaks shared by two experiments. */
    private static final class Pairs {
        private static final String HEAP_256M = String.join(" ", LabHeap.fixed("256m"));
        static final ExperimentSoak MAP_256M =
                soak("map-and-fixed-256m/map", "map", "10m", HEAP_256M, "--rate=400");
        static final ExperimentSoak FIXED_256M =
                soak("map-and-fixed-256m/fixed", "none", "10m", HEAP_256M, "--rate=400");
    }
}
