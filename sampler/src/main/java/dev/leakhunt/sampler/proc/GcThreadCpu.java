package dev.leakhunt.sampler.proc;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * CPU seconds of the target's GC threads, summed from {@code /proc/<pid>/task/<tid>/stat}: a measure that works
 * for every collector (JFR's jdk.GCCPUTime is G1-only). Listing every task costs one file read per thread,
 * which a thread leak makes expensive, so the task list is rescanned for GC threads only every
 * {@code rescanEvery} reads; in between only the known GC threads are read.
 * <p>
 * The sum stays cumulative when a GC thread ends: its last reading is kept. A JVM with no GC thread of its own
 * has no reading: the Serial collector, which the JVM picks by itself with under 1,792 MB of memory or one CPU (a
 * 512 MiB container), collects in the VM Thread, which does other work too.
 */
public final class GcThreadCpu {
    private final ProcFs proc;
    private final String pid;
    private final int rescanEvery;
    private final Map<String, Long> lastTicksByTid = new HashMap<>();
    private final Set<String> liveGcTids = new HashSet<>();
    private int readsSinceScan;

    public GcThreadCpu(ProcFs proc, long pid, int rescanEvery) {
        this.proc = proc;
        this.pid = Long.toString(pid);
        this.rescanEvery = rescanEvery;
    }

    /** The CPU seconds of every GC thread seen so far; empty while none has been. */
    public OptionalDouble cpuSeconds() throws IOException {
        if (readsSinceScan % rescanEvery == 0) {
            rescan();
        } else {
            readKnown();
        }
        readsSinceScan++;
        if (lastTicksByTid.isEmpty()) {
            return OptionalDouble.empty();
        }
        long ticks = 0;
        for (long t : lastTicksByTid.values()) {
            ticks += t;
        }
        return OptionalDouble.of((double) ticks / ProcStat.TICKS_PER_SECOND);
    }

    private void rescan() throws IOException {
        liveGcTids.clear();
        for (String tid : proc.list(pid, "task")) {
            ProcStat stat = readTask(tid);
            if (stat != null && GcThreadNames.isGc(stat.comm())) {
                liveGcTids.add(tid);
                lastTicksByTid.put(tid, stat.cpuTicks());
            }
        }
    }

    private void readKnown() throws IOException {
        for (var it = liveGcTids.iterator(); it.hasNext(); ) {
            String tid = it.next();
            ProcStat stat = readTask(tid);
            if (stat == null) {
                it.remove();
            } else {
                lastTicksByTid.put(tid, stat.cpuTicks());
            }
        }
    }

    private ProcStat readTask(String tid) throws IOException {
        try {
            return ProcStat.parse(proc.read(pid, "task", tid, "stat"));
        } catch (NoSuchFileException threadEnded) {
            return null;
        }
    }
}
