package dev.leakhunt.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunt.sampler.fixture.LeakFixture;
import dev.leakhunt.sampler.jmx.TargetCollectors;
import dev.leakhunt.sampler.jmx.TargetCollectors.G1Flags;
import dev.leakhunt.sampler.jmx.TargetJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collectors of a real target, and the G1 flags that bound its garbage, as the target was started with them. */
class TargetCollectorsAgainstFixtureTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void g1TellsTheFlagsThatBoundTheGarbageItKeeps(@TempDir Path tmp) throws Exception {
        TargetCollectors collectors = collectorsOf(tmp, "-XX:+UseG1GC", "-XX:G1HeapWastePercent=7");
        TargetCollectors unlocked = collectorsOf(tmp, "-XX:+UseG1GC", "-XX:+UnlockExperimentalVMOptions",
                "-XX:G1MixedGCLiveThresholdPercent=80");

        assertTrue(collectors.names().contains("G1 Young Generation"), collectors.toString());
        assertEquals(Optional.of(new G1Flags(7, 85)), collectors.g1(), "the experimental flag at its default");
        assertEquals(Optional.of(new G1Flags(5, 80)), unlocked.g1());
    }

    @Test
    void anotherCollectorHasNoWastePercent(@TempDir Path tmp) throws Exception {
        TargetCollectors collectors = collectorsOf(tmp, "-XX:+UseSerialGC");

        assertEquals(List.of("Copy", "MarkSweepCompact"), collectors.names());
        assertEquals(Optional.empty(), collectors.g1());
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
