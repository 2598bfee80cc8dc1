package dev.leakhunt.simulations.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GatlingConsoleTest {
    private static final String SUMMARY = """
            ========================================================================================================================
            2026-11-23 11:48:%02d GMT                                                                               %ds elapsed
            ---- Requests -----------------------------------------------------------------------|---Total---|-----OK----|----KO----
            > Global                                                                             |     %,d |     %,d |         %d
            > read note                                                                          |       355 |       355 |         0
            """;

    @Test
    void nothingBeforeTheFirstSummary() {
        GatlingConsole console = new GatlingConsole();
        console.accept("[INFO] Scanning for projects...");
        assertFalse(console.simulationStarted());
        console.accept("Simulation dev.leakhunt.simulations.SoakSimulation started...");
        assertTrue(console.simulationStarted());
        assertNull(console.latest());
        assertTrue(Double.isNaN(console.achievedPerSecond()));
    }

    @Test
    void totalsAndRateOverAtLeastThirtySeconds() {
        GatlingConsole console = new GatlingConsole();
        for (int elapsed = 5; elapsed <= 60; elapsed += 5) {
            long requests = elapsed * 400L + (elapsed == 60 ? 7 : 0);
            SUMMARY.formatted(elapsed, elapsed, requests, requests - 3, 3).lines().forEach(console::accept);
        }
        assertEquals(new GatlingConsole.Totals(60, 24_007, 3), console.latest());
        // from 30 s to 60 s: (24,007 - 12,000) / 30
        assertEquals(400.23, console.achievedPerSecond(), 0.01);
    }
}
