package dev.leakhunt.target.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunt.target.leaks.WriteReceipts;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each planted leak, in the real jar, grows its own resource by about its per-request cost times the number of
 * requests, and the clean service ({@code --leak=none}) under the same load does not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeakIT {
    /** Calls of {@code /api/downstream} per test: the thread, fd and ticker leaks cost one unit per call. */
    private static final int CALLS = 300;
    /** Writes per test: the map leak keeps one receipt per write; the fixed twin at most MAX_RECEIPTS. */
    private static final int WRITES = 3 * WriteReceipts.MAX_RECEIPTS;
    /** Requests before the baseline, so connection and thread pools have reached their working size. */
    private static final int WARM_UP = 100;
    /** Pools may still grow a little during a measured load: the most the clean service may add. */
    private static final int POOL_SLACK_THREADS = 20;
    private static final int POOL_SLACK_FDS = 10;
    /** How far below the leak's cost a measured growth may fall. */
    private static final double SHORTFALL = 0.05;
    /** Scheduled tasks the JVM and libraries create and finish on their own. */
    private static final int TRANSIENT_TASKS = 10;
    private static final String SCHEDULED_TASK = "java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask";
    private static final String RECEIPT = "dev.leakhunt.target.leaks.WriteReceipt";

    private LabProcess downstream;
    private final LabClient client = new LabClient();

    @BeforeAll
    void startDownstream() throws Exception {
        downstream = LabProcess.downstream();
    }

    @AfterAll
    void stopDownstream() throws Exception {
        client.close();
        if (downstream != null) {
            downstream.close();
        }
    }

    @Test
    void threadLeakParksOneEstimatorThreadPerDownstreamCall() throws Exception {
        try (LabProcess target = LabProcess.target("thread", downstream)) {
            callDownstream(target, WARM_UP);
            int before = ProcFs.threads(target.pid());
            callDownstream(target, CALLS);
            assertAbout(CALLS, ProcFs.threads(target.pid()) - before, POOL_SLACK_THREADS, "threads");

            String grouped = client.get(target.adminPort(), "/debug/threads").body();
            String largestGroup = grouped.split("\n\n")[1];
            assertTrue(largestGroup.startsWith((WARM_UP + CALLS) + " WAITING quote-estimator-"), largestGroup);
            assertTrue(largestGroup.contains("SynchronousQueue.put"), largestGroup);
            assertTrue(largestGroup.contains("dev.leakhunt.target.leaks.FallbackQuote.estimate"), largestGroup);
        }
    }

    @Test
    void fdLeakKeepsOneSocketPerDownstreamCallThroughAFullGc() throws Exception {
        try (LabProcess target = LabProcess.target("fd", downstream)) {
            callDownstream(target, WARM_UP);
            int before = fdsAfterGc(target);
            callDownstream(target, CALLS);
            assertAbout(CALLS, fdsAfterGc(target) - before, POOL_SLACK_FDS, "fds after a forced GC");
        }
    }

    @Test
    void mapLeakKeepsOneReceiptPerWrite() throws Exception {
        try (LabProcess target = LabProcess.target("map", downstream)) {
            long before = client.liveInstances(target.adminPort(), RECEIPT);
            write(target, WRITES);
            assertEquals(WRITES, client.liveInstances(target.adminPort(), RECEIPT) - before, "live receipts");
        }
    }

    @Test
    void tickerLeakKeepsOneSchedulerThreadAndPeriodicTaskPerDownstreamCall() throws Exception {
        try (LabProcess target = LabProcess.target("ticker", downstream)) {
            callDownstream(target, WARM_UP);
            int threadsBefore = ProcFs.threads(target.pid());
            long tasksBefore = client.liveInstances(target.adminPort(), SCHEDULED_TASK);
            callDownstream(target, CALLS);
            assertAbout(CALLS, ProcFs.threads(target.pid()) - threadsBefore, POOL_SLACK_THREADS, "threads");
            assertAbout(CALLS, client.liveInstances(target.adminPort(), SCHEDULED_TASK) - tasksBefore, TRANSIENT_TASKS,
                    "live scheduled tasks");
        }
    }

    @Test
    void cleanServiceStaysBoundedUnderTheSameLoad() throws Exception {
        try (LabProcess target = LabProcess.target("none", downstream)) {
            callDownstream(target, WARM_UP);
            int threadsBefore = ProcFs.threads(target.pid());
            int fdsBefore = fdsAfterGc(target);
            long tasksBefore = client.liveInstances(target.adminPort(), SCHEDULED_TASK);
            callDownstream(target, CALLS);
            write(target, WRITES);

            int threadsGrown = ProcFs.threads(target.pid()) - threadsBefore;
            assertTrue(threadsGrown <= POOL_SLACK_THREADS, "threads grew by " + threadsGrown);
            int fdsGrown = fdsAfterGc(target) - fdsBefore;
            assertTrue(fdsGrown <= POOL_SLACK_FDS, "fds grew by " + fdsGrown);
            long tasksGrown = client.liveInstances(target.adminPort(), SCHEDULED_TASK) - tasksBefore;
            assertTrue(tasksGrown <= TRANSIENT_TASKS, "scheduled tasks grew by " + tasksGrown);
            long receipts = client.liveInstances(target.adminPort(), RECEIPT);
            assertTrue(receipts <= WriteReceipts.MAX_RECEIPTS, receipts + " receipts kept");
        }
    }

    private void callDownstream(LabProcess target, int calls) throws Exception {
        Map<Integer, Integer> statuses = client.sendAll(calls,
                n -> LabClient.request(target.port(), "/api/downstream?id=" + (n + 1)).GET().build());
        assertEquals(Map.of(200, calls), statuses, "statuses of /api/downstream");
    }

    private void write(LabProcess target, int writes) throws Exception {
        Map<Integer, Integer> statuses = client.sendAll(writes,
                n -> LabClient.request(target.port(), "/api/items/" + (n % 1000 + 1))
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"write " + n + "\",\"priceCents\":" + n + "}"))
                        .build());
        assertEquals(Map.of(200, writes), statuses, "statuses of PUT /api/items");
    }

    private int fdsAfterGc(LabProcess target) throws Exception {
        client.get(target.adminPort(), "/debug/heap/histogram?gc=1");
        return ProcFs.openFds(target.pid());
    }

    /**
     * {@code grown} is within {@link #SHORTFALL} below {@code expected} (the leak's cost; the JVM's own transient
     * objects of the same class may come and go) and at most {@code slack} above it.
     */
    private static void assertAbout(long expected, long grown, long slack, String what) {
        long least = Math.round(expected * (1 - SHORTFALL));
        assertTrue(grown >= least && grown <= expected + slack,
                what + " grew by " + grown + ", expected " + least + " to " + (expected + slack));
    }
}
