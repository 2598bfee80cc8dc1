package dev.leakhunt.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.leakhunt.sampler.fixture.LeakFixture;
import dev.leakhunt.sampler.jfr.HeapLiveSource;
import dev.leakhunt.sampler.jfr.TargetEventStream;
import dev.leakhunt.sampler.jmx.LastGcHeap;
import dev.leakhunt.sampler.jmx.MarkingCycles;
import dev.leakhunt.sampler.jmx.TargetCollectors;
import dev.leakhunt.sampler.jmx.TargetJvm;
import dev.leakhunt.sampler.out.EventLog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Garbage that died in G1's old generation stays in the heap used after every young GC until a marking cycle:
 * without {@link MarkingCycles} the live-heap column reads it as live; with it the column falls back to what is
 * live, and the target's flag is left as it was found. The fixture's heap is fixed and its initiating occupancy
 * static, so that G1 starts no cycle of its own.
 */
class MarkingCyclesAgainstFixtureTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long MIB = 1024 * 1024;
    private static final int TENURED_MIB = 64;

    @Test
    void markingCyclesTurnOldGenerationGarbageBackIntoFreeHeap(@TempDir Path tmp) throws Exception {
        try (ChildJvm fixture = ChildJvm.start(List.of("-Xms256m", "-Xmx256m", "-XX:+UseG1GC",
                        "-XX:-G1UseAdaptiveIHOP", "-XX:MaxTenuringThreshold=0"),
                        LeakFixture.class.getName(), List.of(), tmp.resolve("fixture.log"));
                EventLog events = new EventLog(tmp.resolve("events.jsonl"))) {
            fixture.awaitLine("ready", WAIT);
            try (TargetJvm jvm = TargetJvm.attach(fixture.pid());
                    TargetEventStream stream = new TargetEventStream(jvm)) {
                HeapLiveSource heapLive = new HeapLiveSource(stream, LastGcHeap.of(jvm));
                stream.start();
                fixture.command("gc", "ok", WAIT);
                long baseline = liveAfterChurn(fixture, stream, heapLive);
                fixture.command("tenure " + TENURED_MIB, "ok", WAIT);
                long unmarked = liveAfterChurn(fixture, stream, heapLive);
                assertTrue(unmarked >= baseline + (TENURED_MIB - 8) * MIB,
                        "young GCs keep the dead tenured data: " + baseline / MIB + " → " + unmarked / MIB + " MiB");

                HotSpotDiagnosticMXBean flags = jvm.platformBean(HotSpotDiagnosticMXBean.class);
                try (MarkingCycles cycles = MarkingCycles.start(jvm, TargetCollectors.of(jvm), stream,
                        Duration.ofMillis(500), new Warnings(events)).orElseThrow(
                                () -> new AssertionError("G1 with concurrent periodic GCs: marking applies"))) {
                    long deadline = System.nanoTime() + WAIT.toNanos();
                    long marked = unmarked;
                    while (marked > baseline + 16 * MIB && System.nanoTime() < deadline) {
                        marked = liveAfterChurn(fixture, stream, heapLive);
                    }
                    assertTrue(marked <= baseline + 16 * MIB,
                            "after marking the live heap is back near " + baseline / MIB + " MiB: " + marked / MIB);
                }
                assertEquals("0", flags.getVMOption("G1PeriodicGCInterval").getValue(), "the flag is given back");
            }
        }
    }

    @Test
    void aRequestedCollectionStartsOneCycleAndGivesTheFlagBack(@TempDir Path tmp) throws Exception {
        try (ChildJvm fixture = ChildJvm.start(List.of("-Xms256m", "-Xmx256m", "-XX:+UseG1GC"),
                        LeakFixture.class.getName(), List.of(), tmp.resolve("fixture.log"));
                EventLog events = new EventLog(tmp.resolve("events.jsonl"))) {
            fixture.awaitLine("ready", WAIT);
            try (TargetJvm jvm = TargetJvm.attach(fixture.pid()); TargetEventStream stream = new TargetEventStream(jvm);
                    MarkingCycles cycles = MarkingCycles.start(jvm, TargetCollectors.of(jvm), stream,
                            Duration.ofHours(1), new Warnings(events)).orElseThrow()) {
                AtomicInteger cycleStarts = new AtomicInteger();
                stream.subscribe("jdk.GarbageCollection", gc -> {
                    if (gc.getString("cause").equals("G1 Periodic Collection") && gc.getString("name").equals("G1New")) {
                        cycleStarts.incrementAndGet();
                    }
                });
                stream.start();

                assertTrue(cycles.collectNow(), "the concurrent-start young collection was reported within 5 s");

                Thread.sleep(2_000); // on this idle heap a cycle takes milliseconds: more would have started by now
                assertTrue(stream.awaitStreamedPast(Instant.now(), WAIT), "the JFR stream keeps up");
                assertEquals(1, cycleStarts.get(), "one request, one marking cycle");
                assertEquals("0", jvm.platformBean(HotSpotDiagnosticMXBean.class)
                        .getVMOption("G1PeriodicGCInterval").getValue(), "the flag is given back");
            }
        }
    }

    /**
     * The lowest heap after GC over the young GCs that churn causes; what earlier GCs reported is first let in
     * (JFR delivers about a second late) and dropped.
     */
    private static long liveAfterChurn(ChildJvm fixture, TargetEventStream stream, HeapLiveSource heapLive)
            throws Exception {
        assertTrue(stream.awaitStreamedPast(Instant.now(), WAIT), "the JFR stream keeps up");
        heapLive.sampleInto(new Sample(0));
        Sample sample = new Sample(System.currentTimeMillis());
        for (int attempt = 0; sample.get(Column.HEAP_LIVE_BYTES) == null; attempt++) {
            assertTrue(attempt < 10, "churn causes GCs");
            fixture.command("churn 256", "ok", WAIT);
            heapLive.awaitNextGcEnd(Duration.ofSeconds(3)); // JFR delivers about a second late
            heapLive.sampleInto(sample);
        }
        return sample.get(Column.HEAP_LIVE_BYTES).longValue();
    }
}
