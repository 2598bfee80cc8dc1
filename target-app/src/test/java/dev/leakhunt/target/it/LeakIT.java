package dev.leakhunt.target.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunt.target.leaks.WriteJournal;
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
    /**
     * Calls of {@code /api/downstream} per test: the thread, fd, ticker, vthread and metaspace leaks cost one unit
     * per call.
     */
    private static final int CALLS = 300;
    /**
     * Writes per test: the map leak keeps one receipt per write, the direct leak one journal record; the fixed twins
     * at most MAX_RECEIPTS receipts and MAX_RECORDS records.
     */
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
    /** Virtual threads the service may have running besides the watchers of the calls in flight. */
    private static final int TRANSIENT_VIRTUAL_THREADS = 10;
    /** Where a leaked call watcher parks, and the line that started it (the JSON dump's frames). */
    private static final String WATCHER_WAIT = "dev.leakhunt.target.leaks.InFlightCalls.watch(InFlightCalls.java:";
    private static final String WATCHER_START = "dev.leakhunt.target.leaks.InFlightCalls.lambda$track$";
    /** The "direct" BufferPoolMXBean and the class loading and Metaspace figures, as /metrics names them. */
    private static final String DIRECT_BYTES = "jvm_buffer_pool_used_bytes{pool=\"direct\"}";
    private static final String DIRECT_BUFFERS = "jvm_buffer_pool_used_buffers{pool=\"direct\"}";
    private static final String LOADED_CLASSES = "jvm_classes_currently_loaded";
    private static final String METASPACE_USED = "jvm_memory_pool_used_bytes{pool=\"Metaspace\"}";
    /** Direct memory the server and the JDK's I/O may still take under a measured load (their pools). */
    private static final long DIRECT_SLACK_BYTES = 1 << 20;
    private static final long DIRECT_SLACK_BUFFERS = 64;
    /** The heap's handle of a direct buffer. */
    private static final String DIRECT_BUFFER = "java.nio.DirectByteBuffer";
    /** Classes the JDK may still load (or unload) on its own once the request paths are warm. */
    private static final int TRANSIENT_CLASSES = 30;
    /** The least Metaspace a compiled markup rule takes (≈1.6 KB measured). */
    private static final int LEAST_METASPACE_PER_CLASS = 1_024;
    /** The class loader of one compiled markup rule. */
    private static final String RULE_LOADER = "dev.leakhunt.target.leaks.QuoteMarkup$RuleLoader";

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
    void vthreadLeakParksOneVirtualThreadPerDownstreamCallThatThreadMxBeanMisses() throws Exception {
        try (LabProcess target = LabProcess.target("vthread", downstream)) {
            callDownstream(target, WARM_UP);
            long virtualBefore = client.virtualThreads(target.adminPort());
            double platformBefore = client.metric(target.adminPort(), "jvm_threads_current");
            callDownstream(target, CALLS);
            assertAbout(CALLS, client.virtualThreads(target.adminPort()) - virtualBefore, TRANSIENT_VIRTUAL_THREADS,
                    "virtual threads");
            double platformGrown = client.metric(target.adminPort(), "jvm_threads_current") - platformBefore;
            assertTrue(platformGrown <= POOL_SLACK_THREADS, "ThreadMXBean's threads grew by " + platformGrown);

            // the stack of the parked watchers names the wait and, under it, the line that started them
            long parked = client.virtualThreads(target.adminPort(), WATCHER_WAIT, WATCHER_START);
            assertAbout(WARM_UP + CALLS, parked, 0, "virtual threads parked in InFlightCalls.watch");
        }
    }

    @Test
    void directLeakKeepsOneDirectBufferPerWriteOffTheHeap() throws Exception {
        try (LabProcess target = LabProcess.target("direct", downstream)) {
            write(target, WARM_UP);
            double bytesBefore = client.metric(target.adminPort(), DIRECT_BYTES);
            double buffersBefore = client.metric(target.adminPort(), DIRECT_BUFFERS);
            long handlesBefore = client.liveInstances(target.adminPort(), DIRECT_BUFFER);
            write(target, WRITES);
            assertAbout((long) WRITES * WriteJournal.RECORD_BYTES,
                    (long) (client.metric(target.adminPort(), DIRECT_BYTES) - bytesBefore), DIRECT_SLACK_BYTES,
                    "direct buffer bytes");
            assertAbout(WRITES, (long) (client.metric(target.adminPort(), DIRECT_BUFFERS) - buffersBefore),
                    DIRECT_SLACK_BUFFERS, "direct buffers");
            // what the heap holds of them, through a full GC: one small DirectByteBuffer each
            assertAbout(WRITES, client.liveInstances(target.adminPort(), DIRECT_BUFFER) - handlesBefore,
                    DIRECT_SLACK_BUFFERS, "live DirectByteBuffers");
        }
    }

    @Test
    void metaspaceLeakKeepsOneClassPerDownstreamCall() throws Exception {
        try (LabProcess target = LabProcess.target("metaspace", downstream)) {
            callDownstream(target, WARM_UP);
            double classesBefore = loadedClasses(target);
            double metaspaceBefore = client.metric(target.adminPort(), METASPACE_USED);
            callDownstream(target, CALLS);
            assertAbout(CALLS, (long) (loadedClasses(target) - classesBefore), TRANSIENT_CLASSES, "loaded classes");
            double metaspaceGrown = client.metric(target.adminPort(), METASPACE_USED) - metaspaceBefore;
            assertTrue(metaspaceGrown >= (double) CALLS * LEAST_METASPACE_PER_CLASS,
                    "Metaspace grew by " + metaspaceGrown + " bytes for " + CALLS + " calls");

            // through a full GC, the class histogram counts one class loader kept per call
            assertEquals(WARM_UP + CALLS, client.liveInstances(target.adminPort(), RULE_LOADER), "live rule loaders");
        }
    }

    @Test
    void cleanServiceStaysBoundedUnderTheSameLoad() throws Exception {
        try (LabProcess target = LabProcess.target("none", downstream)) {
            callDownstream(target, WARM_UP);
            write(target, WARM_UP);
            int threadsBefore = ProcFs.threads(target.pid());
            int fdsBefore = fdsAfterGc(target);
            long tasksBefore = client.liveInstances(target.adminPort(), SCHEDULED_TASK);
            double classesBefore = loadedClasses(target);
            double directBefore = client.metric(target.adminPort(), DIRECT_BYTES);
            callDownstream(target, CALLS);
            double classesGrown = loadedClasses(target) - classesBefore;
            assertTrue(classesGrown <= TRANSIENT_CLASSES, "loaded classes grew by " + classesGrown);
            long virtualThreads = client.virtualThreads(target.adminPort());
            assertTrue(virtualThreads <= TRANSIENT_VIRTUAL_THREADS, virtualThreads + " virtual threads left");
            write(target, WRITES);

            int threadsGrown = ProcFs.threads(target.pid()) - threadsBefore;
            assertTrue(threadsGrown <= POOL_SLACK_THREADS, "threads grew by " + threadsGrown);
            int fdsGrown = fdsAfterGc(target) - fdsBefore;
            assertTrue(fdsGrown <= POOL_SLACK_FDS, "fds grew by " + fdsGrown);
            long tasksGrown = client.liveInstances(target.adminPort(), SCHEDULED_TASK) - tasksBefore;
            assertTrue(tasksGrown <= TRANSIENT_TASKS, "scheduled tasks grew by " + tasksGrown);
            long receipts = client.liveInstances(target.adminPort(), RECEIPT);
            assertTrue(receipts <= WriteReceipts.MAX_RECEIPTS, receipts + " receipts kept");
            double directGrown = client.metric(target.adminPort(), DIRECT_BYTES) - directBefore;
            long journalBytes = (long) WriteJournal.MAX_RECORDS * WriteJournal.RECORD_BYTES;
            assertTrue(directGrown <= journalBytes + DIRECT_SLACK_BYTES, "direct buffer bytes grew by " + directGrown);
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

    /** Classes loaded, from a second scrape: the first one of a process loads classes of the exposition's own. */
    private double loadedClasses(LabProcess target) throws Exception {
        client.metric(target.adminPort(), LOADED_CLASSES);
        return client.metric(target.adminPort(), LOADED_CLASSES);
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
