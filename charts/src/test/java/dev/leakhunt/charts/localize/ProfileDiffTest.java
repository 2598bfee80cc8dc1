package dev.leakhunt.charts.localize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunt.charts.run.ProfileCapture;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Localization on real profiles of a leaking JVM: every planted leak is named by its method and line. */
class ProfileDiffTest {

    static ProfileDiff diff;

    @BeforeAll
    static void diffTheChildsCaptures() throws Exception {
        List<ProfileCapture> captures = LeakingChildProfiles.captures();
        assertEquals(2, captures.size(), "captures: " + captures);
        diff = ProfileDiff.between(captures.get(0), captures.get(1));
    }

    @Test
    void nothingIsMissing() {
        assertEquals(List.of(), diff.missing());
    }

    @Test
    void theHeapGrowthIsCreditedToTheLineThatKeepsItNotToTheOneThatAllocatesIt() throws Exception {
        String planted = LeakingChildProfiles.plantedSite("heap", "remember");
        HeapGrowthSites.Site top = diff.heapSites().orElseThrow().getFirst();
        assertEquals(planted, top.site(), diff.heapSites().toString());
        // 78 MB kept, among 20 times as many bytes allocated in larger arrays that a full ring keeps alive.
        assertTrue(top.bytesDelta() > 50_000_000L, top.toString());
        assertTrue(top.liveSamples() >= 1, top.toString());
        assertEquals("byte[]", top.classes().getFirst());
        assertTrue(top.pathToRoot().contains("→ static " + LeakingChild.class.getName() + ".REMEMBERED → "
                + "ConcurrentHashMap.table → ConcurrentHashMap$Node[] element → ConcurrentHashMap$Node.val "
                + "→ byte[]"),
                top.pathToRoot());
    }

    @Test
    void theHistogramDeltaLeadsWithTheLeakedArrays() {
        Growth<String> top = diff.classes().orElseThrow().getFirst();
        assertEquals("byte[]", top.key());
        assertTrue(top.bytesDelta() > 70_000_000L, top.toString());
    }

    @Test
    void theParkedGroupGrewByTheLeakedThreadsAndItsCreatorIsNamed() throws Exception {
        Growth<ThreadGroups.Stack> top = diff.threadGroups().orElseThrow().getFirst();
        assertEquals(12, top.countDelta(), top.toString());
        assertEquals("WAITING", top.key().state());
        assertTrue(top.key().signature().startsWith(LeakingChild.class.getName() + ".parkForever("), top.toString());
        ThreadStarts.Site creator = diff.threadStarts().orElseThrow()
                .get(LeakingChildProfiles.plantedSite("threads", "startParkedWorker"));
        assertEquals(12, creator.started(), diff.threadStarts().toString());
        assertEquals(12, creator.stillAlive(), diff.threadStarts().toString());
        ThreadStarts.Site busy = diff.threadStarts().orElseThrow().get(LeakingChildProfiles.busySite());
        assertEquals(24, busy.started(), diff.threadStarts().toString());
        assertEquals(0, busy.stillAlive(), diff.threadStarts().toString());
    }

    @Test
    void nativeMemoryTrackingShowsTheLeakedThreadsStacks() {
        List<Growth<String>> grown = diff.nativeMemory().orElseThrow();
        Growth<String> thread = grown.stream().filter(g -> g.key().equals("Thread")).findFirst()
                .orElseThrow(() -> new AssertionError("Thread did not grow: " + grown));
        // 10 more parked threads, each with a committed stack of at least a few pages
        assertTrue(thread.bytesDelta() >= 10 * 16 * 1024, thread.toString());
    }

    @Test
    void theOpenDirectoriesAreTheFdGroupThatGrew() {
        Growth<FdGroups.Kind> top = diff.fdGroups().orElseThrow().getFirst();
        assertEquals(new FdGroups.Kind("file", "", System.getProperty("java.home")), top.key());
        // A directory stream holds two fds: the directory, and the dup of it that openat() works from.
        assertEquals(2 * 6, top.countDelta());
    }

    private static final List<String> HARNESS_METHODS = Stream.of("main(", "capture(", "diagnosticCommand(")
            .map(method -> LeakingChild.class.getName() + "." + method).toList();

    @Test
    void verdictsJsonSitesNameThePlantedLinesFirst() throws Exception {
        assertEquals(LeakingChildProfiles.plantedSite("heap", "remember"), LeakKind.HEAP.sites(diff).getFirst());
        List<String> threadSites = LeakKind.THREADS.sites(diff);
        // Not the busy site that started twice as many threads: all of those ended.
        assertEquals(LeakingChildProfiles.plantedSite("threads", "startParkedWorker"), threadSites.getFirst());
        assertFalse(threadSites.contains(LeakingChildProfiles.busySite()), threadSites.toString());
        // Then where the leaked threads are parked.
        assertTrue(threadSites.get(1).startsWith(LeakingChild.class.getName() + ".parkForever("), threadSites.toString());
        // The child's own captures open files (its JFR dumps), and an allocation sample can land in one of those
        // opens; nothing else in it opens a descriptor, and fds.tsv records no opening site.
        List<String> fdSites = LeakKind.FDS.sites(diff).stream()
                .filter(site -> HARNESS_METHODS.stream().noneMatch(site::startsWith)).toList();
        assertEquals(List.of(), fdSites, LeakKind.FDS.sites(diff).toString());
        assertEquals(LeakKind.HEAP, LeakKind.of("heap_live_bytes"));
        assertEquals(LeakKind.OTHER, LeakKind.of("gc_pause_p99_ns"));
    }
}
