package dev.leakhunt.charts.report;

import dev.leakhunt.charts.localize.FdGroups;
import dev.leakhunt.charts.localize.Growth;
import dev.leakhunt.charts.localize.HeapGrowthSites;
import dev.leakhunt.charts.localize.LeakKind;
import dev.leakhunt.charts.localize.ProfileDiff;
import dev.leakhunt.charts.localize.ResourceCalls;
import dev.leakhunt.charts.localize.ThreadGroups;
import dev.leakhunt.charts.localize.ThreadStarts;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link ProfileDiff} into tables, each limited to the groups that grew most. */
public final class DiffTables {

    /** More rows than this bury the answer; the full files are linked from the report. */
    static final int TOP_ROWS = 10;
    private static final int STACK_LINES = 12;

    private DiffTables() {
    }

    public static List<DiffTable> all(ProfileDiff diff) {
        List<DiffTable> tables = new ArrayList<>();
        diff.heapSites().ifPresent(sites -> tables.add(heapSites(sites)));
        diff.classes().ifPresent(g -> tables.add(classes(g)));
        tables.addAll(threads(diff));
        tables.addAll(fds(diff));
        for (ResourceCalls.Resource resource : List.of(ResourceCalls.Resource.DIRECT_MEMORY,
                ResourceCalls.Resource.CLASSES)) {
            diff.callers(resource).ifPresent(c -> tables.add(callers(resource, c)));
        }
        diff.nativeMemory().ifPresent(g -> tables.add(nativeMemory(g)));
        return tables;
    }

    /** The tables that localize one kind of leak; evidence whose files are missing yields no table. */
    public static List<DiffTable> of(ProfileDiff diff, LeakKind kind) {
        List<DiffTable> tables = new ArrayList<>();
        switch (kind) {
            case HEAP, NATIVE -> {
                if (kind == LeakKind.NATIVE) {
                    diff.nativeMemory().ifPresent(g -> tables.add(nativeMemory(g)));
                }
                diff.heapSites().ifPresent(sites -> tables.add(heapSites(sites)));
                diff.classes().ifPresent(g -> tables.add(classes(g)));
            }
            case DIRECT, METASPACE -> {
                ResourceCalls.Resource resource = kind.resource().orElseThrow();
                diff.callers(resource).ifPresent(c -> tables.add(callers(resource, c)));
                diff.classes().ifPresent(g -> tables.add(classes(g)));
            }
            case THREADS -> tables.addAll(threads(diff));
            case FDS -> tables.addAll(fds(diff));
            case OTHER -> {
                // Nothing in a profile localizes latency or GC series.
            }
        }
        return tables;
    }

    private static List<DiffTable> threads(ProfileDiff diff) {
        List<DiffTable> tables = new ArrayList<>();
        diff.threadGroups().ifPresent(g -> tables.add(threadGroups(g)));
        diff.threadStarts().ifPresent(s -> tables.add(threadStarts(s.values())));
        return tables;
    }

    private static DiffTable heapSites(List<HeapGrowthSites.Site> sites) {
        List<DiffTable.Row> rows = sites.stream().limit(TOP_ROWS).map(site -> new DiffTable.Row(
                List.of(Quantities.signedBytes(site.bytesDelta()), Quantities.signed(site.countDelta()), site.site(),
                        String.join(", ", site.classes()), evidence(site)),
                site.pathToRoot().isEmpty() ? List.of() : List.of("held by: " + site.pathToRoot()))).toList();
        return new DiffTable("Heap growth by the site that keeps it",
                "What the class histogram grew by between the captures, attributed to code: each JFR old-object "
                        + "sample allocated after the earlier capture and alive at the later one carries an equal "
                        + "share of its class's growth. The site is the application frame of the sample's "
                        + "allocation stack that belongs to the nearest application class holding it (the map's "
                        + "owner, not the serializer that built the value), else the first frame outside the JDK "
                        + "and common frameworks. A grown application class without such a sample is credited to "
                        + "where JFR's allocation samples saw it created in the window. Shares are estimates from "
                        + "few samples; the histogram below is exact.",
                List.of("Δ bytes (attributed)", "Δ instances (attributed)", "site", "grown classes", "evidence"),
                rows, "no sample allocated between the captures belongs to a class that grew");
    }

    private static String evidence(HeapGrowthSites.Site site) {
        List<String> parts = new ArrayList<>();
        if (site.liveSamples() > 0) {
            parts.add(site.liveSamples() + " live");
        }
        if (site.allocationSamples() > 0) {
            parts.add(site.allocationSamples() + " allocation");
        }
        return String.join(" + ", parts) + " samples";
    }

    private static DiffTable classes(List<Growth<String>> grown) {
        List<DiffTable.Row> rows = grown.stream().limit(TOP_ROWS).map(g -> new DiffTable.Row(List.of(
                Quantities.signedBytes(g.bytesDelta()), Quantities.signed(g.countDelta()), g.key(),
                Quantities.bytes(g.after().bytes())), List.of())).toList();
        return new DiffTable("Class histogram growth", "GC.class_histogram at each capture, largest byte growth first.",
                List.of("Δ bytes", "Δ instances", "class", "bytes at the later capture"), rows,
                "no class grew");
    }

    private static DiffTable nativeMemory(List<Growth<String>> grown) {
        List<DiffTable.Row> rows = grown.stream().limit(TOP_ROWS).map(g -> new DiffTable.Row(List.of(
                Quantities.signedBytes(g.bytesDelta()), g.key(), Quantities.bytes(g.after().bytes())), List.of()))
                .toList();
        return new DiffTable("Native memory the JVM committed, by category",
                "Native Memory Tracking at each capture (nmt.txt): Thread is stacks, Code the JIT's code cache, "
                        + "Class the metaspace, Other direct buffers, Tracing JFR, Compiler the JIT's arenas. RSS "
                        + "that grew more than these did is outside the JVM's accounting: memory the C allocator "
                        + "keeps after it was freed, or a native library's.",
                List.of("Δ committed", "category", "committed at the later capture"), rows,
                "no category grew: the JVM committed no more native memory");
    }

    private static DiffTable threadGroups(List<Growth<ThreadGroups.Stack>> grown) {
        List<DiffTable.Row> rows = grown.stream().limit(TOP_ROWS).map(g -> new DiffTable.Row(List.of(
                        Quantities.signed(g.countDelta()), g.before().count() + " → " + g.after().count(),
                        g.key().kind(), g.key().state(), g.key().signature()),
                g.key().frames().stream().limit(STACK_LINES).map(f -> "at " + f).toList())).toList();
        return new DiffTable("Thread groups that grew",
                "Platform and virtual threads grouped by kind, state and identical stack (threads.txt).",
                List.of("Δ threads", "threads", "kind", "state", "stack signature (first non-JDK frame)"), rows,
                "no thread group grew");
    }

    private static DiffTable threadStarts(java.util.Collection<ThreadStarts.Site> sites) {
        List<DiffTable.Row> rows = sites.stream()
                .sorted(ThreadStarts.byLeakiness())
                .limit(TOP_ROWS)
                .map(s -> new DiffTable.Row(List.of(
                        s.stillAlive() == ThreadStarts.UNKNOWN ? "?" : Long.toString(s.stillAlive()),
                        Long.toString(s.started()), s.site(), s.exampleThreadName()), List.of()))
                .toList();
        return new DiffTable("Threads started between the captures, by creating site",
                "jdk.ThreadStart events of the later capture's recording; the stack is the parent's at "
                        + "Thread.start(), so the site is the line that created the thread (for a pool, the "
                        + "submit that made it grow). Still alive: no jdk.ThreadEnd for it by the later capture "
                        + "(? when the recording has no thread ends).",
                List.of("threads still alive", "threads started", "creating site", "e.g. thread"), rows,
                "no thread was started between the captures");
    }

    private static List<DiffTable> fds(ProfileDiff diff) {
        List<DiffTable> tables = new ArrayList<>();
        diff.fdGroups().ifPresent(g -> tables.add(fdGroups(g)));
        diff.callers(ResourceCalls.Resource.DESCRIPTORS)
                .ifPresent(c -> tables.add(callers(ResourceCalls.Resource.DESCRIPTORS, c)));
        return tables;
    }

    private static DiffTable callers(ResourceCalls.Resource resource, List<ResourceCalls.Caller> callers) {
        List<DiffTable.Row> rows = callers.stream().limit(TOP_ROWS).map(c -> new DiffTable.Row(List.of(
                Long.toString(c.samples()), c.path().frames().getFirst()),
                c.path().frames().stream().skip(1).map(f -> "called from " + f).toList())).toList();
        return new DiffTable("Code that " + resource.verbPhrase() + " between the captures",
                "JFR allocation samples (jdk.ObjectAllocationSample) taken inside the JDK calls that acquire them ("
                        + resource.calls() + "), by the application call path that made them: who acquired in "
                        + "the window, not whose were kept. Read it beside the groups that grew.",
                List.of("samples", "called by"), rows, "no allocation sample fell inside such a call");
    }

    private static DiffTable fdGroups(List<Growth<FdGroups.Kind>> grown) {
        List<DiffTable.Row> rows = grown.stream().limit(TOP_ROWS).map(g -> new DiffTable.Row(List.of(
                Quantities.signed(g.countDelta()), g.before().count() + " → " + g.after().count(), g.key().kind(),
                g.key().socketState(), g.key().pointsAt()), List.of())).toList();
        return new DiffTable("File descriptors that grew",
                "fds.tsv at each capture: sockets by TCP state and peer, files by path.",
                List.of("Δ fds", "fds", "kind", "TCP state", "points at"), rows, "no fd group grew");
    }
}
