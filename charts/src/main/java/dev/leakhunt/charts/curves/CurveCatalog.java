package dev.leakhunt.charts.curves;

import static dev.leakhunt.charts.curves.SeriesSource.limit;
import static dev.leakhunt.charts.curves.SeriesSource.line;
import static dev.leakhunt.charts.curves.SeriesSource.nanosAsMillis;
import static dev.leakhunt.charts.curves.SeriesSource.ratePerSecond;

import java.util.List;
import java.util.Optional;

/** Every chart of a report, in page order, built from the {@code samples.csv} columns of formats.md. */
public final class CurveCatalog {

    private static final List<CurveGroup> GROUPS = List.of(
            new CurveGroup("threads", "Threads", "threads", ValueUnit.COUNT, List.of(
                    line("threads", "platform threads"),
                    line("virtual_threads", "virtual threads"),
                    line("os_threads", "OS threads (incl. GC, JIT)"))),
            new CurveGroup("heap", "Heap", "heap", ValueUnit.BYTES, List.of(
                    line("heap_live_bytes", "live heap (after GC)"),
                    line("heap_used_bytes", "heap used"),
                    line("heap_committed_bytes", "heap committed"),
                    limit("heap_max_bytes", "heap max"))),
            new CurveGroup("rss", "Resident memory", "memory", ValueUnit.BYTES, List.of(
                    line("rss_bytes", "RSS"),
                    line("nmt_committed_bytes", "NMT committed"),
                    line("heap_committed_bytes", "heap committed"))),
            new CurveGroup("fds", "File descriptors by kind", "fds", ValueUnit.COUNT, List.of(
                    line("open_fds", "all fds"),
                    line("fds_socket", "sockets"),
                    line("fds_file", "files and directories"),
                    line("fds_pipe", "pipes"),
                    line("fds_anon", "anon inodes"),
                    line("fds_other", "other"),
                    limit("fd_limit", "fd limit (soft)"))),
            new CurveGroup("sockets", "TCP sockets by state", "sockets", ValueUnit.COUNT, List.of(
                    line("sockets_close_wait", "CLOSE_WAIT"),
                    line("sockets_established", "ESTABLISHED"),
                    line("sockets_listen", "LISTEN"),
                    line("sockets_other", "other states"))),
            new CurveGroup("gc_pause", "GC pauses per interval", "GC pause", ValueUnit.MILLISECONDS, List.of(
                    nanosAsMillis("gc_pause_p99_ns", "pause p99"),
                    nanosAsMillis("gc_pause_max_ns", "pause max"))),
            new CurveGroup("gc_cpu", "CPU: GC threads and JIT compilers vs the whole process", "CPU", ValueUnit.CORES,
                    List.of(
                    ratePerSecond("gc_cpu_seconds", "GC threads"),
                    ratePerSecond("jit_compile_seconds", "JIT compiling"),
                    ratePerSecond("process_cpu_seconds", "whole process"))),
            new CurveGroup("metaspace", "Metaspace", "metaspace", ValueUnit.BYTES, List.of(
                    line("metaspace_used_bytes", "metaspace used"))),
            new CurveGroup("classes", "Loaded classes", "classes", ValueUnit.COUNT, List.of(
                    line("classes_loaded", "classes loaded"))),
            new CurveGroup("direct_buffers", "Direct buffers", "direct buffers", ValueUnit.BYTES, List.of(
                    line("direct_buffer_bytes", "direct buffer memory"))),
            new CurveGroup("request_p99", "Request latency p99 (service-reported)", "p99", ValueUnit.MILLISECONDS, List.of(
                    line("req_p99_ms", "service p99"))),
            new CurveGroup("request_rate", "Request rate (service-reported)", "requests", ValueUnit.PER_SECOND, List.of(
                    line("req_rate_per_s", "completed requests"))),
            new CurveGroup("cache", "Service cache size", "entries", ValueUnit.COUNT, List.of(
                    line("cache_size", "cache entries"))),
            new CurveGroup("cache_evictions", "Service cache evictions", "evictions", ValueUnit.PER_SECOND, List.of(
                    ratePerSecond("cache_evictions_total", "evictions"))),
            new CurveGroup("sampler", "The sampler's own footprint", "RSS", ValueUnit.BYTES, List.of(
                    line("sampler_rss_bytes", "sampler RSS"))));

    private CurveCatalog() {
    }

    public static List<CurveGroup> groups() {
        return GROUPS;
    }

    /** The chart a verdict's series appears on (its lead line or a companion line). */
    public static Optional<CurveGroup> groupShowing(String column) {
        return GROUPS.stream().filter(g -> g.shows(column)).findFirst();
    }
}
