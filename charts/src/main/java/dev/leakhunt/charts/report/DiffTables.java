package dev.leakhunt.charts.report;

import dev.leakhunt.charts.localize.FdGroups;
import dev.leakhunt.charts.localize.Growth;
import dev.leakhunt.charts.localize.LeakKind;
import dev.leakhunt.charts.localize.ProfileDiff;
import dev.leakhunt.charts.localize.RetainedSamples;
import dev.leakhunt.charts.localize.ThreadGroups;
import dev.leakhunt.charts.localize.ThreadStarts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a {@link ProfileDiff} into tables, each limited to the groups that grew most. */
public final class DiffTables {

    /** More rows than this bury the answer; the full files are linked from the report. */
    static final int TOP_ROWS = 10;
    private static final int STACK_LINES = 12;

    private DiffTables() {
    }

    public static List<DiffTable> all(ProfileDiff diff) {
        List<DiffTable> tables = new ArrayList<>();
        diff.retainedSites().ifPresent(g -> tables.add(retained(g, diff.retainedAtEnd())));
        diff.classes().ifPresent(g -> tables.add(classes(g)));
        tables.addAll(threads(diff));
        diff.fdGroups().ifPresent(g -> tables.add(fds(g)));
        return tables;
    }

    /** The tables that localize one kind of leak; evidence whose files are missing yields no table. */
    public static List<DiffTable> of(ProfileDiff diff, LeakKind kind) {
        List<DiffTable> tables = new ArrayList<>();
        switch (kind) {
            case HEAP, NATIVE -> {
                diff.retainedSites().ifPresent(g -> tables.add(retained(g, diff.retainedAtEnd())));
                diff.classes().ifPresent(g -> tables.add(classes(g)));
            }
            case METASPACE -> diff.classes().ifPresent(g -> tables.add(classes(g)));
            case THREADS -> tables.addAll(threads(diff));
            case FDS -> diff.fdGroups().ifPresent(g -> tables.add(fds(g)));
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

    private static DiffTable retained(List<Growth<String>> grown, Optional<RetainedSamples> atEnd) {
        List<DiffTable.Row> rows = grown.stream().limit(TOP_ROWS).map(g -> {
            Optional<RetainedSamples.Site> site = atEnd.map(r -> r.site(g.key()));
            return new DiffTable.Row(
                    List.of(Quantities.signed(g.countDelta()), Quantities.signedBytes(g.bytesDelta()), g.key(),
                            site.map(RetainedSamples.Site::objectType).orElse("")),
                    site.map(s -> List.of("held by: " + s.pathToRoot())).orElse(List.of()));
        }).toList();
        return new DiffTable("Retained heap by allocation site",
                "JFR old-object samples still alive at each capture, grouped by the first non-JDK frame of the "
                        + "allocation stack. Counts are sampled objects (JFR samples in proportion to allocated "
                        + "bytes), so they rank sites; the class histogram gives exact sizes. A sample counts as "
                        + "alive until a GC finds it dead: between heap-walk captures (their histogram forces a "
                        + "full GC) the counts are exact, between others they may include old garbage.",
                List.of("Δ samples", "Δ sampled bytes", "allocation site", "type"), rows,
                "no allocation site kept more sampled objects at the later capture");
    }

    private static DiffTable classes(List<Growth<String>> grown) {
        List<DiffTable.Row> rows = grown.stream().limit(TOP_ROWS).map(g -> new DiffTable.Row(List.of(
                Quantities.signedBytes(g.bytesDelta()), Quantities.signed(g.countDelta()), g.key(),
                Quantities.bytes(g.after().bytes())), List.of())).toList();
        return new DiffTable("Class histogram growth", "GC.class_histogram at each capture, largest byte growth first.",
                List.of("Δ bytes", "Δ instances", "class", "bytes at the later capture"), rows,
                "no class grew");
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

    private static DiffTable fds(List<Growth<FdGroups.Kind>> grown) {
        List<DiffTable.Row> rows = grown.stream().limit(TOP_ROWS).map(g -> new DiffTable.Row(List.of(
                Quantities.signed(g.countDelta()), g.before().count() + " → " + g.after().count(), g.key().kind(),
                g.key().socketState(), g.key().pointsAt()), List.of())).toList();
        return new DiffTable("File descriptors that grew",
                "fds.tsv at each capture: sockets by TCP state and peer, files by path. The opening code site "
                        + "is not recorded in the profiles.",
                List.of("Δ fds", "fds", "kind", "TCP state", "points at"), rows, "no fd group grew");
    }
}
