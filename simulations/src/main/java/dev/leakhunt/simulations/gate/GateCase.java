package dev.leakhunt.simulations.gate;

import dev.leakhunt.simulations.soak.Leak;
import java.util.List;

/**
 * One planted leak of the lab target and what the gate demands of its soak: a {@code leak} verdict on each of
 * {@code leakingSeries}, and a localization naming {@code plantedMethod} (the method holding the
 * {@code // LEAK(<name>)} line). The control, {@code none}, demands no {@code leak} on any series, and a verdict
 * other than {@code inconclusive} on every series a planted leak moves.
 */
record GateCase(Leak leak, List<String> leakingSeries, String plantedMethod) {

    private static final String LEAKS = "dev.leakhunt.target.leaks.";

    static final List<GateCase> ALL = List.of(
            new GateCase(Leak.none, List.of(), null),
            new GateCase(Leak.thread, List.of("os_threads"), LEAKS + "FallbackQuote.orEstimate"),
            new GateCase(Leak.fd, List.of("open_fds"), LEAKS + "BestQuoteReader.read"),
            new GateCase(Leak.map, List.of("heap_live_bytes"), LEAKS + "WriteReceipts.answer"),
            new GateCase(Leak.ticker, List.of("os_threads", "heap_live_bytes"), LEAKS + "CallHeartbeat.during"));

    static GateCase of(Leak leak) {
        return ALL.stream().filter(c -> c.leak == leak).findFirst().orElseThrow();
    }

    /** The series some planted leak moves: the control must have them judged, or it proves nothing. */
    static List<String> watchedSeries() {
        return ALL.stream().flatMap(c -> c.leakingSeries.stream()).distinct().toList();
    }

    boolean isControl() {
        return leakingSeries.isEmpty();
    }

    /** The soak's STOP_ON_LEAK: every series this leak must move; the control stops at its first false alarm. */
    String stopOnLeak() {
        return isControl() ? "1" : String.join(",", leakingSeries);
    }
}
