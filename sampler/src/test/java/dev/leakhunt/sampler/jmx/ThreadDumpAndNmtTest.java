package dev.leakhunt.sampler.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ThreadDumpAndNmtTest {
    static final String DUMP = """
            {"threadDump": {"processId": "1", "time": "2026-11-23T11:43:02Z", "runtimeVersion": "25.0.3+9-LTS",
              "threadContainers": [
                {"container": "<root>", "parent": null, "owner": null, "threads": [
                  {"tid": "3", "name": "main", "state": "TIMED_WAITING", "stack": ["java.base/java.lang.Thread.sleep(Thread.java:540)", "App.main(App.java:1)"]},
                  {"tid": "40", "name": "", "state": "WAITING", "virtual": true, "stack": ["java.base/java.lang.VirtualThread.park(VirtualThread.java:1)"]}
                ], "threadCount": "2"},
                {"container": "java.util.concurrent.ThreadPerTaskExecutor@1", "parent": "<root>", "owner": null, "threads": [
                  {"tid": "41", "name": "", "state": "WAITING", "virtual": true, "stack": ["java.base/java.lang.VirtualThread.park(VirtualThread.java:1)"]},
                  {"tid": "42", "name": "named-virtual", "state": "RUNNABLE", "virtual": false, "stack": []}
                ], "threadCount": "2"}
              ]}}
            """;

    private static ByteArrayInputStream dump() {
        return new ByteArrayInputStream(DUMP.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void countsOnlyThreadsMarkedVirtualTrue() throws IOException {
        assertEquals(2, ThreadDumpJson.countVirtual(dump()));
    }

    @Test
    void readsEveryContainersThreads() throws IOException {
        List<ThreadDumpJson.DumpedThread> threads = ThreadDumpJson.threads(dump());
        assertEquals(4, threads.size());
        assertEquals("main", threads.get(0).label());
        assertEquals("#40", threads.get(1).label(), "unnamed threads are shown by tid");
        assertEquals(List.of("java.base/java.lang.VirtualThread.park(VirtualThread.java:1)"), threads.get(2).stack());
        assertFalse(threads.get(3).virtual());
    }

    @Test
    void nmtTotalCommittedInBytesAndNothingWithoutNmt() {
        String summary = """

                Native Memory Tracking:

                (Omitting categories weighting less than 1KB)

                Total: reserved=1459843KB, committed=87347KB
                       malloc: 20165KB #57817, peak=21011KB #57900
                       mmap:   reserved=1439678KB, committed=67182KB

                -                 Java Heap (reserved=393216KB, committed=24576KB)
                """;
        assertEquals(OptionalLong.of(87347L * 1024), NmtSummary.committedBytes(summary));
        assertEquals(OptionalLong.empty(), NmtSummary.committedBytes("Native memory tracking is not enabled\n"));
    }
}
