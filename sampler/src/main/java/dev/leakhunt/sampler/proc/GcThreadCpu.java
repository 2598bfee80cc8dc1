package dev.leakhunt.sampler.proc;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * CPU seconds of the target's GC threads, summed from {@code /proc/<pid>/task/<tid>/stat}: a measure that works
 * for every collector (JFR's jdk.GCCPUTime is G1-only). Listing every task costs one file read per thread,
 * which a thread leak makes expensive, so the task list is rescanned for GC threads only every
 * {@code rescanEvery} reads; in between only the known GC threads are read.
 * <p>
 * The sum stays cumulative when a GC thread ends: its last reading is kept.
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

    public double cpuSeconds() throws IOException {
        if (readsSinceScan % rescanEvery == 0) {
            rescan();
        } else {
            readKnown();
        }
        readsSinceScan++;
        long ticks = 0;
        for (long t : lastTicksByTid.values()) {
            ticks += t;
        }
        return (double) ticks / ProcStat.TICKS_PER_SECOND;
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
