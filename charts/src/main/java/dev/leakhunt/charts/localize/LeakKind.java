package dev.leakhunt.charts.localize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a rising {@code samples.csv} column leaks, and which profile evidence localizes it. The {@link #jsonName}
 * is the {@code kind} of a {@code verdicts.json} leak entry.
 */
public enum LeakKind {
    HEAP("heap", "heap_live_bytes", "heap_used_bytes", "heap_committed_bytes"),
    THREADS("threads", "threads", "threads_runnable", "threads_blocked", "threads_waiting",
            "threads_timed_waiting", "os_threads", "virtual_threads"),
    FDS("fds", "open_fds", "fds_file", "fds_socket", "fds_pipe", "fds_anon", "fds_other", "sockets_established",
            "sockets_close_wait", "sockets_other"),
    /** Direct buffers: named by the code that allocated them ({@link ResourceCalls.Resource#DIRECT_MEMORY}). */
    DIRECT("direct", "direct_buffer_bytes", "direct_buffer_count"),
    /**
     * Whole-process growth: no profile records a native allocation site, so none is blamed; Native Memory Tracking
     * (when the target runs with it) says which of the JVM's subsystems grew, the histogram shows the Java objects
     * that own native memory, and a direct-buffer leak is named under {@link #DIRECT}.
     */
    NATIVE("native", "rss_bytes", "nmt_committed_bytes"),
    /** Classes and their loaders: named by the code that created loaders or defined classes. */
    METASPACE("metaspace", "metaspace_used_bytes", "classes_loaded"),
    /** Latency, GC and cache series: no profile names a code site for them. */
    OTHER("other");

    /** verdicts.json lists at most this many sites per leak: the first one is the answer, the rest its company. */
    static final int MAX_SITES = 3;

    private final String jsonName;
    private final Set<String> columns;

    LeakKind(String jsonName, String... columns) {
        this.jsonName = jsonName;
        this.columns = Set.copyOf(Arrays.asList(columns));
    }

    public String jsonName() {
        return jsonName;
    }

    /**
     * True for the kinds whose evidence is best in heap-walk captures (formats.md: only those hold
     * histogram.txt and the GC-root paths in heap.jfr).
     */
    public boolean prefersHeapWalks() {
        return this == HEAP || this == DIRECT || this == NATIVE || this == METASPACE;
    }

    /** The resource whose acquiring calls localize this kind, if any. */
    public Optional<ResourceCalls.Resource> resource() {
        return switch (this) {
            case FDS -> Optional.of(ResourceCalls.Resource.DESCRIPTORS);
            case DIRECT -> Optional.of(ResourceCalls.Resource.DIRECT_MEMORY);
            case METASPACE -> Optional.of(ResourceCalls.Resource.CLASSES);
            case HEAP, THREADS, NATIVE, OTHER -> Optional.empty();
        };
    }

    public static LeakKind of(String column) {
        return Arrays.stream(values()).filter(k -> k.columns.contains(column)).findFirst().orElse(OTHER);
    }

    /**
     * The code sites the diff blames, best first, as {@code pkg.Class.method(File.java:NN)}: for the heap the
     * sites that keep the most histogram growth ({@link HeapGrowthSites}); for threads the site that started the
     * most threads still alive, the application frame the largest grown group is stuck at, then the others; for
     * fds, direct buffers and metaspace the call path that acquired the most of the resource in the window
     * ({@link ResourceCalls}: the caller of the JDK, then its callers), then the other paths. Other kinds have
     * none: the profiles record no native allocation site.
     */
    public List<String> sites(ProfileDiff diff) {
        Set<String> sites = new LinkedHashSet<>();
        switch (this) {
            case HEAP -> diff.heapSites().ifPresent(grown -> grown.stream()
                    .map(HeapGrowthSites.Site::site).filter(Frames::isApplicationSite).forEach(sites::add));
            case THREADS -> {
                List<String> creators = diff.threadStarts().map(starts -> starts.values().stream()
                        .filter(start -> start.stillAlive() != 0)
                        .sorted(ThreadStarts.byLeakiness())
                        .map(ThreadStarts.Site::site)
                        .filter(Frames::isApplicationSite)
                        .toList()).orElse(List.of());
                List<String> parkedAt = diff.threadGroups().map(grown -> grown.stream()
                        .map(g -> Frames.firstApplicationFrame(g.key().frames()))
                        .flatMap(Optional::stream)
                        .toList()).orElse(List.of());
                // The line that starts the leaked threads, then the line they are stuck at, then the rest.
                creators.stream().limit(1).forEach(sites::add);
                parkedAt.stream().limit(1).forEach(sites::add);
                sites.addAll(creators);
                sites.addAll(parkedAt);
            }
            case FDS, DIRECT, METASPACE -> resource().flatMap(diff::callers)
                    .ifPresent(callers -> callers.forEach(c -> sites.addAll(c.path().frames())));
            case NATIVE, OTHER -> {
                // No code site in the profiles: the report shows the grown groups instead.
            }
        }
        return new ArrayList<>(sites).subList(0, Math.min(MAX_SITES, sites.size()));
    }
}
