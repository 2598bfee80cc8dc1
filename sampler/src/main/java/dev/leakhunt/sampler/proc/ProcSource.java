package dev.leakhunt.sampler.proc;

import dev.leakhunt.sampler.Column;
import dev.leakhunt.sampler.Sample;
import dev.leakhunt.sampler.Source;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the kernel knows about the target: RSS and kernel task count ({@code status}), CPU ({@code stat}), the
 * fd limit ({@code limits}), fds by kind and TCP sockets by state ({@code fd} + {@code net/tcp{,6}}), and the
 * CPU of its GC threads ({@code task/<tid>/stat}). Each file is read on its own: one that cannot be read leaves
 * its columns empty, and the first failure is rethrown after the others were tried.
 */
public final class ProcSource implements Source {
    private static final int GC_THREAD_RESCAN_EVERY = 12;

    private final ProcFs proc;
    private final String pid;
    private final FdTable fdTable;
    private final GcThreadCpu gcThreadCpu;

    public ProcSource(ProcFs proc, long pid) {
        this.proc = proc;
        this.pid = Long.toString(pid);
        this.fdTable = new FdTable(proc, pid);
        this.gcThreadCpu = new GcThreadCpu(proc, pid, GC_THREAD_RESCAN_EVERY);
    }

    @Override
    public String name() {
        return "proc";
    }

    @Override
    public void sampleInto(Sample sample) throws IOException {
        IOException first = null;
        try {
            ProcStatus status = ProcStatus.parse(proc.read(pid, "status"));
            status.rssBytes().ifPresent(v -> sample.set(Column.RSS_BYTES, v));
            status.threads().ifPresent(v -> sample.set(Column.OS_THREADS, v));
            sample.set(Column.PROCESS_CPU_SECONDS, ProcStat.parse(proc.read(pid, "stat")).cpuSeconds());
            ProcLimits.softOpenFiles(proc.read(pid, "limits")).ifPresent(v -> sample.set(Column.FD_LIMIT, v));
        } catch (IOException e) {
            first = e;
        }
        try {
            countFds(fdTable.read(), sample);
        } catch (IOException e) {
            first = first == null ? e : first;
        }
        try {
            gcThreadCpu.cpuSeconds().ifPresent(seconds -> sample.set(Column.GC_CPU_SECONDS, seconds));
        } catch (IOException e) {
            first = first == null ? e : first;
        }
        if (first != null) {
            throw first;
        }
    }

    static void countFds(List<Fd> fds, Sample sample) {
        Map<FdKind, Long> byKind = new EnumMap<>(FdKind.class);
        long established = 0;
        long closeWait = 0;
        long listen = 0;
        long otherTcp = 0;
        for (FdKind kind : FdKind.values()) {
            byKind.put(kind, 0L);
        }
        for (Fd fd : fds) {
            byKind.merge(fd.kind(), 1L, Long::sum);
            if (fd.tcp() != null) {
                switch (fd.tcp().state()) {
                    case ESTABLISHED -> established++;
                    case CLOSE_WAIT -> closeWait++;
                    case LISTEN -> listen++;
                    default -> otherTcp++;
                }
            }
        }
        sample.set(Column.OPEN_FDS, fds.size());
        sample.set(Column.FDS_FILE, byKind.get(FdKind.FILE));
        sample.set(Column.FDS_SOCKET, byKind.get(FdKind.SOCKET));
        sample.set(Column.FDS_PIPE, byKind.get(FdKind.PIPE));
        sample.set(Column.FDS_ANON, byKind.get(FdKind.ANON));
        sample.set(Column.FDS_OTHER, byKind.get(FdKind.OTHER));
        sample.set(Column.SOCKETS_ESTABLISHED, established);
        sample.set(Column.SOCKETS_CLOSE_WAIT, closeWait);
        sample.set(Column.SOCKETS_LISTEN, listen);
        sample.set(Column.SOCKETS_OTHER, otherTcp);
    }
}
