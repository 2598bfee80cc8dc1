package dev.leakhunt.sampler;

import static dev.leakhunt.sampler.RunFolder.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakhunt.sampler.fixture.LeakFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sampler, run as its own process exactly as users run it, pointed at {@link LeakFixture} (a JVM it knows
 * nothing about): each planted leak must move its own series the right way, a profile must capture the
 * evidence, and killing the target must leave a complete CSV and a {@code target_exit} event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SamplerAgainstFixtureTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long MIB = 1024 * 1024;
    private static final int LEAKED_THREADS = 100;
    private static final int LEAKED_SOCKETS = 40;
    private static final int RETAINED_MIB = 64;

    private ChildJvm fixture;
    private ChildJvm sampler;
    private RunFolder run;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        fixture = ChildJvm.start(List.of("-Xmx256m", "-XX:+UseG1GC", "-XX:NativeMemoryTracking=summary"),
                LeakFixture.class.getName(), List.of(),
                tmp.resolve("fixture.log"));
        fixture.awaitLine("ready", WAIT);
        run = new RunFolder(tmp.resolve("run"));
        sampler = ChildJvm.start(List.of("-Xmx64m"), SamplerCommand.class.getName(),
                List.of("--pid=" + fixture.pid(), "--out=" + run.dir(), "--interval=500ms", "--profile-every=8s",
                        "--heap-walk-every=1", "--jfr-repository=" + run.dir().resolve("jfr")),
                tmp.resolve("sampler.log"));
        run.awaitRow(0, row -> !row.get("threads").isEmpty(), WAIT);
    }

    @AfterAll
    void stop() throws Exception {
        if (sampler != null) {
            sampler.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    @Order(1)
    void threadLeakRaisesPlatformAndKernelThreads() throws Exception {
        Map<String, String> before = lastRow();
        fixture.command("threads " + LEAKED_THREADS, "ok", WAIT);
        long since = System.currentTimeMillis();
        run.awaitRow(since, row -> number(row, "threads") >= number(before, "threads") + LEAKED_THREADS
                && number(row, "os_threads") >= number(before, "os_threads") + LEAKED_THREADS
                && number(row, "threads_waiting") >= LEAKED_THREADS
                && !row.get("nmt_committed_bytes").isEmpty(), WAIT);
    }

    @Test
    @Order(2)
    void virtualThreadLeakIsCountedThoughThreadMXBeanMissesIt() throws Exception {
        Map<String, String> before = lastRow();
        fixture.command("vthreads 300", "ok", WAIT);
        // the sampler spaces dumps 50× their duration apart, which a loaded machine stretches
        Map<String, String> after = run.awaitRow(System.currentTimeMillis(),
                row -> number(row, "virtual_threads") >= 300, WAIT.multipliedBy(3));
        assertTrue(number(after, "threads") < number(before, "threads") + 300, "ThreadMXBean sees platform threads only");
    }

    @Test
    @Order(3)
    void socketLeakRaisesFdsAndCloseWait() throws Exception {
        // the sampler's own attach connections come and go in the target's fd table: compare with the quietest
        // recent reading, not whichever row happened to be last
        long socketsBefore = lowestRecent("fds_socket");
        long fdsBefore = lowestRecent("open_fds");
        fixture.command("sockets " + LEAKED_SOCKETS, "ok", WAIT);
        run.awaitRow(System.currentTimeMillis(), row -> number(row, "sockets_close_wait") >= LEAKED_SOCKETS
                && number(row, "fds_socket") >= socketsBefore + LEAKED_SOCKETS
                && number(row, "open_fds") >= fdsBefore + LEAKED_SOCKETS, WAIT);
    }

    @Test
    @Order(4)
    void retainedMapRaisesLiveHeap() throws Exception {
        fixture.command("gc", "ok", WAIT);
        Map<String, String> baseline = run.awaitRow(System.currentTimeMillis(),
                row -> !row.get("heap_live_bytes").isEmpty(), WAIT);
        fixture.command("retain " + RETAINED_MIB, "ok", WAIT);
        fixture.command("gc", "ok", WAIT);
        long wanted = number(baseline, "heap_live_bytes") + (RETAINED_MIB - 4) * MIB;
        run.awaitRow(System.currentTimeMillis(), row -> number(row, "heap_live_bytes") >= wanted, WAIT);
    }

    @Test
    @Order(5)
    void profileCapturesTheLeaks() throws Exception {
        Path profile = awaitProfileTakenAfterLeaks();
        for (String file : List.of("threads.json", "threads.txt", "heap.jfr", "histogram.txt", "fds.tsv", "nmt.txt")) {
            assertTrue(Files.size(profile.resolve(file)) > 0, file + " is empty");
        }
        String threads = Files.readString(profile.resolve("threads.txt"));
        assertTrue(threads.contains("\n300 WAITING virtual"), "the virtual thread leak is one group of 300");
        assertTrue(threads.contains("\n" + LEAKED_THREADS + " WAITING platform: leaked-worker-0"),
                "the platform thread leak is one group");
        try (Stream<String> fds = Files.lines(profile.resolve("fds.tsv"))) {
            assertTrue(fds.filter(line -> line.contains("\tCLOSE_WAIT\t")).count() >= LEAKED_SOCKETS);
        }
        JsonNode event = run.events().stream()
                .filter(e -> e.get("type").asText().equals("profile"))
                .filter(e -> e.get("dir").asText().equals("profiles/" + profile.getFileName()))
                .findFirst().orElseThrow();
        assertTrue(event.has("max_pause_ms"), "the capture's pause was measured: " + event);
    }

    @Test
    @Order(6)
    void killedTargetLeavesCompleteCsvAndExitEvent() throws Exception {
        fixture.process().destroyForcibly();
        assertTrue(sampler.process().waitFor(30, TimeUnit.SECONDS), "the sampler ends by itself");
        assertEquals(0, sampler.process().exitValue());
        List<String> lines = run.csvLines();
        int columns = lines.get(0).split(",", -1).length;
        assertTrue(lines.size() > 20);
        for (String line : lines) {
            assertEquals(columns, line.split(",", -1).length, "complete row: " + line);
        }
        List<JsonNode> events = run.events();
        assertTrue(events.stream().anyMatch(e -> e.get("type").asText().equals("target_exit")
                && e.get("pid").asLong() == fixture.pid()), "target_exit event");
        assertEquals("sampler_stop", events.get(events.size() - 1).get("type").asText());
        assertFalse(events.stream().anyMatch(e -> e.get("type").asText().equals("warning")
                && e.get("source").asText().startsWith("profile")), "no profile step failed: " + events);
        assertTrue(chunksLeftInRun() > 0, "the killed target's JFR chunks are in the run folder, not its /tmp");
    }

    /** The bytes of the chunks in the fixture's JFR repository folder ({@code <start>_<pid>}) under run/jfr. */
    private long chunksLeftInRun() throws Exception {
        try (Stream<Path> files = Files.walk(run.dir().resolve("jfr"))) {
            return files.filter(f -> f.getParent().getFileName().toString().endsWith("_" + fixture.pid()))
                    .filter(f -> f.getFileName().toString().endsWith(".jfr"))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private Path awaitProfileTakenAfterLeaks() throws Exception {
        long leaksDoneMs = System.currentTimeMillis();
        long deadline = System.nanoTime() + WAIT.toNanos();
        Path profiles = run.dir().resolve("profiles");
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(profiles)) {
                try (Stream<Path> dirs = Files.list(profiles)) {
                    var done = dirs.filter(d -> Long.parseLong(d.getFileName().toString()) > leaksDoneMs)
                            .filter(d -> Files.exists(d.resolve("done")))
                            .findFirst();
                    if (done.isPresent() && profileEventWritten(done.get())) {
                        return done.get();
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no complete profile after the leaks within " + WAIT);
    }

    private boolean profileEventWritten(Path profile) throws Exception {
        return run.events().stream().anyMatch(e -> e.get("type").asText().equals("profile")
                && e.get("dir").asText().endsWith(profile.getFileName().toString()));
    }

    private long lowestRecent(String column) {
        List<Map<String, String>> rows = run.rows();
        return rows.subList(Math.max(0, rows.size() - 10), rows.size()).stream()
                .mapToLong(row -> number(row, column)).min().orElseThrow();
    }

    private Map<String, String> lastRow() {
        List<Map<String, String>> rows = run.rows();
        return rows.get(rows.size() - 1);
    }
}
