package dev.leakhunt.simulations.gate;

import dev.leakhunt.simulations.soak.Leak;
import java.util.List;

/**
 * One planted leak of the lab target and what the gate demands of its soak: a {@code leak} verdict on each of
 * {@code leakingSeries}, and a localization naming {@code plantedMethod} (the method holding the
 * {@code // LEAK(<name>)} line). The control, {@code none}, demands no {@code leak} on any series of the target,
 * and a verdict other than {@code inconclusive} on every series a planted leak moves. The sampler's own columns
 * ({@code sampler_*}) are the instrument's, not the target's: in a 150 s soak the sampler is still warming up
 * (its RSS grew 0.2 MB in the first control), and {@code make bench-sampler} holds it flat over 10 minutes.
 */
record GateCase(Leak leak, List<String> leakingSeries, String plantedMethod, String heap, int ratePerS) {

    private static final String LEAKS = "dev.leakhunt.target.leaks.";
    /**
     * The lab target's fixed heap: small, so that a GC, hence a live-heap reading, ends in most 1 s rows (with the
     * soak's 512 MB a 150 s soak had 19–23 of them)...
     */
    private static final String SMALL_HEAP = "128m";
    /**
     * ...except for the fd leak, which also keeps ≈60 KB of the HTTP client's buffers per leaked socket: 60 of them
     * a second filled 128 MB in 35 s, and the target's GC spiral then timed out the sampler's JMX calls before the
     * verdict had its minute of evidence.
     */
    private static final String FD_LEAK_HEAP = "512m";
    /** Arrivals per second before ACCEL. */
    private static final int RATE = 100;
    /**
     * The ticker leak's threads each wake every 2 s / ACCEL: at 600 arrivals/s its 6,000 threads starved the target,
     * whose live heap then got too few GC readings to judge (16 on 512 MB); at 300/s both curves were confirmed.
     */
    private static final int TICKER_RATE = 50;
    /**
     * Virtual threads are counted in a JSON thread dump whose cost grows with their number, and the sampler waits
     * 50 times a dump's duration before the next: at 600 arrivals/s the leak's 8,500 threads spaced the counts 7 s
     * apart by 140 s, and the verdict was confirmed 8 s before the soak's end (18 s apart on a busier machine: not
     * confirmed at all). Half the threads, twice the counts.
     */
    private static final int VTHREAD_RATE = 50;

    static final List<GateCase> ALL = List.of(
            new GateCase(Leak.none, List.of(), null, SMALL_HEAP, RATE),
            new GateCase(Leak.thread, List.of("os_threads"), LEAKS + "FallbackQuote.orEstimate", SMALL_HEAP, RATE),
            new GateCase(Leak.fd, List.of("open_fds"), LEAKS + "BestQuoteReader.read", FD_LEAK_HEAP, RATE),
            new GateCase(Leak.map, List.of("heap_live_bytes"), LEAKS + "WriteReceipts.answer", SMALL_HEAP, RATE),
            new GateCase(Leak.ticker, List.of("os_threads", "heap_live_bytes"), LEAKS + "CallHeartbeat.during",
                    SMALL_HEAP, TICKER_RATE),
            // The JVM's own leak classes. Virtual threads do not show in ThreadMXBean nor in the kernel's count.
            new GateCase(Leak.vthread, List.of("virtual_threads"), LEAKS + "InFlightCalls.watch", SMALL_HEAP,
                    VTHREAD_RATE),
            new GateCase(Leak.direct, List.of("direct_buffer_bytes"), LEAKS + "WriteJournal.append", SMALL_HEAP,
                    RATE),
            // Loaded classes, not metaspace: metaspace also grows with the JIT, which a control never settles in
            // 150 s, so the control could not have it judged (GateCase's contract above).
            new GateCase(Leak.metaspace, List.of("classes_loaded"), LEAKS + "QuoteMarkup.apply", SMALL_HEAP, RATE));

    static GateCase of(Leak leak) {
        return ALL.stream().filter(c -> c.leak == leak).findFirst().orElseThrow();
    }

    /** The series some planted leak moves: the control must have them judged, or it proves nothing. */
    static List<String> watchedSeries() {
        return ALL.stream().flatMap(c -> c.leakingSeries.stream()).distinct().toList();
    }

    /** A column of the sampler itself (formats.md), which the live verdict's STOP_ON_LEAK=1 also leaves aside. */
    static boolean isInstrument(String series) {
        return series.startsWith("sampler_");
    }

    boolean isControl() {
        return leakingSeries.isEmpty();
    }

    /** The soak's STOP_ON_LEAK: every series this leak must move; the control stops at its first false alarm. */
    String stopOnLeak() {
        return isControl() ? "1" : String.join(",", leakingSeries);
    }
}
