package dev.leakhunt.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunt.sampler.fixture.LeakFixture;
import dev.leakhunt.sampler.jmx.TargetCollectors;
import dev.leakhunt.sampler.jmx.TargetJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collectors of a real target, and G1's waste allowance as the target was started with it. */
class TargetCollectorsAgainstFixtureTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void g1TellsItsHeapWastePercent(@TempDir Path tmp) throws Exception {
        TargetCollectors collectors = collectorsOf(tmp, "-XX:+UseG1GC", "-XX:G1HeapWastePercent=7");

        assertTrue(collectors.names().contains("G1 Young Generation"), collectors.toString());
        assertEquals(OptionalInt.of(7), collectors.g1HeapWastePercent());
    }

    @Test
    void anotherCollectorHasNoWastePercent(@TempDir Path tmp) throws Exception {
        TargetCollectors collectors = collectorsOf(tmp, "-XX:+UseSerialGC");

        assertEquals(List.of("Copy", "MarkSweepCompact"), collectors.names());
        assertEquals(OptionalInt.empty(), collectors.g1HeapWastePercent());
    }

    private static TargetCollectors collectorsOf(Path tmp, String... flags) throws Exception {
        try (ChildJvm fixture = ChildJvm.start(List.of(flags), LeakFixture.class.getName(), List.of(),
                tmp.resolve("fixture.log"))) {
            fixture.awaitLine("ready", WAIT);
            try (TargetJvm jvm = TargetJvm.attach(fixture.pid())) {
                return TargetCollectors.of(jvm);
            }
        }
    }
}
