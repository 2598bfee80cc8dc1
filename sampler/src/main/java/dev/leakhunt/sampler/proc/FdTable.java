package dev.leakhunt.sampler.proc;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The target's open fds: {@code /proc/<pid>/fd} read as links, sockets joined by inode with the TCP tables of
 * the target's own network namespace ({@code /proc/<pid>/net/tcp} and {@code tcp6}).
 */
public final class FdTable {
    private final ProcFs proc;
    private final String pid;

    public FdTable(ProcFs proc, long pid) {
        this.proc = proc;
        this.pid = Long.toString(pid);
    }

    public List<Fd> read() throws IOException {
        Map<Long, TcpSocket> tcp = TcpTable.parse(proc.read(pid, "net", "tcp"), proc.read(pid, "net", "tcp6"));
        List<Fd> fds = new ArrayList<>();
        for (String name : proc.list(pid, "fd")) {
            String target;
            try {
                target = proc.readLink(pid, "fd", name);
            } catch (NoSuchFileException closedMeanwhile) {
                continue;
            }
            fds.add(new Fd(Integer.parseInt(name), FdKind.of(target), target, tcp.get(FdKind.socketInode(target))));
        }
        fds.sort(Comparator.comparingInt(Fd::fd));
        return fds;
    }
}
