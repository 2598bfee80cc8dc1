package dev.leakhunt.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunt.sampler.out.EventLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmReadsTest {

    private static final Duration BUDGET = Duration.ofMillis(200);

    @Test
    void aTargetThatStopsAnsweringLeavesItsCellsEmptyWithoutHoldingUpTheRows(@TempDir Path dir) throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        Source hung = new Source() {
            @Override
            public String name() {
                return "jmx";
            }

            @Override
            public void sampleInto(Sample sample) throws InterruptedException {
                assertTrue(answer.await(10, TimeUnit.SECONDS));
                sample.set(Column.THREADS, 42);
            }
        };
        try (EventLog events = new EventLog(dir.resolve("events.jsonl"));
                JvmReads reads = new JvmReads(new Warnings(events))) {
            JvmReads.SourceReader read = (source, sample) -> {
                try {
                    source.sampleInto(sample);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            Sample first = new Sample(1);
            long startNs = System.nanoTime();
            reads.readInto(first, List.of(hung), BUDGET, read);
            assertNull(first.get(Column.THREADS), "no answer within the budget: an empty cell");
            Sample second = new Sample(2);
            reads.readInto(second, List.of(hung), BUDGET, read);
            assertNull(second.get(Column.THREADS));
            assertTrue(System.nanoTime() - startNs < Duration.ofSeconds(1).toNanos(),
                    "the second row does not wait on the read still in flight");

            answer.countDown();
            Sample third;
            int rows = 0;
            do {
                Thread.sleep(50); // the read in flight takes a moment to return; until then rows skip it
                third = new Sample(3);
                reads.readInto(third, List.of(hung), BUDGET, read);
            } while (third.get(Column.THREADS) == null && ++rows < 100);
            assertEquals(42, third.get(Column.THREADS).intValue(), "once the target answers, rows fill again");
            assertEquals(3, third.tsMs());
        }
        String log = Files.readString(dir.resolve("events.jsonl"));
        assertTrue(log.contains("did not answer within 200 ms"), log);
        assertTrue(log.contains("still run"), log);
    }
}
