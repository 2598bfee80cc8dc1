package dev.leakhunt.target.admin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ThreadDumpsTest {
    private static final int PARKED = 7;

    @Test
    void identicalParkedThreadsFormOneGroupWithTheirCount() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> parked = new ArrayList<>();
        for (int i = 0; i < PARKED; i++) {
            parked.add(Thread.ofPlatform().name("parked-" + i).start(() -> awaitQuietly(release)));
        }
        try {
            while (parked.stream().anyMatch(thread -> thread.getState() != Thread.State.WAITING)) {
                Thread.sleep(10);
            }
            String grouped = ThreadDumps.grouped();
            String group = List.of(grouped.split("\n\n")).stream()
                    .filter(block -> block.contains("parked-")).findFirst().orElseThrow();
            assertTrue(group.startsWith(PARKED + " WAITING parked-"), group);
            assertTrue(group.contains("ThreadDumpsTest.awaitQuietly"), group);
        } finally {
            release.countDown();
            for (Thread thread : parked) {
                thread.join();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
