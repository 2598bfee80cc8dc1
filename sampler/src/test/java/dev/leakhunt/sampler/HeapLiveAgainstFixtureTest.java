package dev.leakhunt.sampler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunt.sampler.fixture.LeakFixture;
import dev.leakhunt.sampler.jfr.HeapLiveSource;
import dev.leakhunt.sampler.jfr.TargetEventStream;
import dev.leakhunt.sampler.jmx.LastGcHeap;
import dev.leakhunt.sampler.jmx.TargetJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Once the JFR stream has ended (the sampler stops it when the target runs out of fds), the live-heap column
 * still moves with what the target retains: it is then read from the collectors' latest collections.
 */
class HeapLiveAgainstFixtureTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long MIB = 1024 * 1024;
    private static final int RETAINED_MIB = 64;

    @Test
    void afterTheStreamEndsTheLiveHeapComesFromTheCollectorsLatestCollections(@TempDir Path tmp) throws Exception {
        try (ChildJvm fixture = ChildJvm.start(List.of("-Xmx256m", "-XX:+UseG1GC"),
                LeakFixture.class.getName(), List.of(), tmp.resolve("fixture.log"))) {
            fixture.awaitLine("ready", WAIT);
            try (TargetJvm jvm = TargetJvm.attach(fixture.pid());
                    TargetEventStream stream = new TargetEventStream(jvm)) {
                HeapLiveSource heapLive = new HeapLiveSource(stream, LastGcHeap.of(jvm));
                stream.start();
                stream.close();
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (stream.running() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertFalse(stream.running(), "the stream has ended");

                fixture.command("gc", "ok", WAIT);
                long baseline = liveHeap(heapLive);
                assertNull(row(heapLive).get(Column.HEAP_LIVE_BYTES),
                        "no collection since the last row: no reading");

                fixture.command("retain " + RETAINED_MIB, "ok", WAIT);
                row(heapLive); // the young collections while retaining read less: the row takes the lowest
                fixture.command("gc", "ok", WAIT);
                long retained = liveHeap(heapLive);
                assertTrue(retained >= baseline + (RETAINED_MIB - 4) * MIB,
                        "the retained data shows: " + baseline / MIB + " → " + retained / MIB + " MiB");

                fixture.command("churn 256", "ok", WAIT);
                long afterYoungGcs = liveHeap(heapLive);
                assertTrue(afterYoungGcs >= retained - 4 * MIB && afterYoungGcs <= retained + 32 * MIB,
                        "young collections read the same retained data: " + retained / MIB + " → "
                                + afterYoungGcs / MIB + " MiB");
            }
        }
    }

    private static Sample row(HeapLiveSource heapLive) {
        Sample sample = new Sample(System.currentTimeMillis());
        heapLive.sampleInto(sample);
        return sample;
    }

    private static long liveHeap(HeapLiveSource heapLive) {
        Number live = row(heapLive).get(Column.HEAP_LIVE_BYTES);
        assertNotNull(live, "a collection since the last row gives a reading");
        return live.longValue();
    }
}
