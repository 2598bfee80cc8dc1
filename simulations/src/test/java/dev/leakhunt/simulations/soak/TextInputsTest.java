package dev.leakhunt.simulations.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TextInputsTest {
    @Test
    void durationsAsPeopleTypeThem() {
        assertEquals(Duration.ofSeconds(90), DurationText.parse("90s"));
        assertEquals(Duration.ofMinutes(10), DurationText.parse("10m"));
        assertEquals(Duration.ofHours(12), DurationText.parse("12h"));
        assertEquals(Duration.ofMinutes(90), DurationText.parse("1h30m"));
    }

    @Test
    void malformedDurationsNameTheValidForms() {
        for (String bad : new String[] {"10", "10x", "-5m", "1.5h", "", "m"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DurationText.parse(bad));
            assertTrue(e.getMessage().contains("e.g. 90s, 10m, 12h"), e.getMessage());
        }
    }

    @Test
    void sizesInPowersOf1024() {
        assertEquals(512L << 20, ByteSize.parse("512m"));
        assertEquals(2L << 30, ByteSize.parse("2G"));
        assertEquals(4096, ByteSize.parse("4096"));
        assertEquals(512L << 20, ByteSize.parse("512MiB"));
        for (String bad : new String[] {"512x", "-1m", "0", "1.5g"}) {
            assertThrows(IllegalArgumentException.class, () -> ByteSize.parse(bad), bad);
        }
    }

    @Test
    void rampsOverATenthOfTheRunAtMostHalfAMinute() {
        assertEquals(Duration.ofSeconds(2), SoakCommand.rampUp(Duration.ofSeconds(20)));
        assertEquals(Duration.ofSeconds(30), SoakCommand.rampUp(Duration.ofMinutes(10)));
    }

    @Test
    void profilesEveryFifthOfTheRunWithinBounds() {
        assertEquals(Duration.ofSeconds(30), SoakCommand.profileEvery(Duration.ofSeconds(40)));
        assertEquals(Duration.ofMinutes(2), SoakCommand.profileEvery(Duration.ofMinutes(10)));
        assertEquals(Duration.ofMinutes(5), SoakCommand.profileEvery(Duration.ofHours(12)));
    }

    @Test
    void stopOnLeakIsNeverAnyOrAListOfSeries() {
        assertEquals(StopOnLeak.NEVER, StopOnLeak.parse("0"));
        assertEquals("any", StopOnLeak.parse("1").watchArgument());
        assertEquals("any", StopOnLeak.parse("any").describe());
        StopOnLeak both = StopOnLeak.parse("os_threads, heap_live_bytes");
        assertEquals(java.util.List.of("os_threads", "heap_live_bytes"), both.describe());
        assertEquals("os_threads,heap_live_bytes", both.watchArgument());
        for (String bad : new String[] {"2", "1,2", "threads;heap", "Heap", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StopOnLeak.parse(bad));
            assertTrue(e.getMessage().startsWith("STOP_ON_LEAK must be 0, 1"), e.getMessage());
        }
    }
}
