package dev.leakhunt.simulations.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PidSpaceGuardTest {
    private final PidSpaceGuard guard = new PidSpaceGuard(32_768);

    @Test
    void tripsAtAQuarterOfThePidSpace() {
        assertEquals(Optional.empty(), guard.tripped(Map.of("os_threads", "8191")));
        Optional<String> reason = guard.tripped(Map.of("os_threads", "8192"));
        assertTrue(reason.orElseThrow().startsWith("the target has 8192 threads, 1/4 of the machine's kernel.pid_max"),
                reason.get());
    }

    @Test
    void anUnknownThreadCountNeverTrips() {
        assertEquals(Optional.empty(), guard.tripped(Map.of()));
        assertEquals(Optional.empty(), guard.tripped(Map.of("os_threads", "x", "threads", "99999")));
    }
}
