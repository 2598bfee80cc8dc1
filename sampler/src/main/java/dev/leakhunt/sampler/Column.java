package dev.leakhunt.sampler;

import java.util.Locale;

/**
 * The columns of {@code samples.csv}, in file order. Their meaning, unit and source are documented once, in
 * {@code src/docs/formats.md}; a test keeps this enum and that table equal. The CSV name is the constant's name
 * in lower case.
 */
public enum Column {
    TS_MS,
    THREADS, THREADS_RUNNABLE, THREADS_BLOCKED, THREADS_WAITING, THREADS_TIMED_WAITING, THREADS_STARTED_TOTAL,
    OS_THREADS, VIRTUAL_THREADS,
    HEAP_LIVE_BYTES, HEAP_USED_BYTES, HEAP_COMMITTED_BYTES, HEAP_MAX_BYTES,
    RSS_BYTES,
    OPEN_FDS, FDS_FILE, FDS_SOCKET, FDS_PIPE, FDS_ANON, FDS_OTHER, FD_LIMIT,
    SOCKETS_ESTABLISHED, SOCKETS_CLOSE_WAIT, SOCKETS_LISTEN, SOCKETS_OTHER,
    GC_PAUSES, GC_PAUSE_P99_NS, GC_PAUSE_MAX_NS, GC_CYCLES, GC_CPU_SECONDS,
    PROCESS_CPU_SECONDS, JIT_COMPILE_SECONDS,
    CLASSES_LOADED, METASPACE_USED_BYTES, DIRECT_BUFFER_BYTES, DIRECT_BUFFER_COUNT, NMT_COMMITTED_BYTES,
    REQ_RATE_PER_S, REQ_P99_MS, CACHE_SIZE, CACHE_EVICTIONS_TOTAL,
    SAMPLER_CPU_SECONDS, SAMPLER_RSS_BYTES;

    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
