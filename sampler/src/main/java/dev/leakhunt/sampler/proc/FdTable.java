package dev.leakhunt.sampler.proc;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
        Map<Integer, String> targetByFd = new TreeMap<>();
        Set<Long> socketInodes = new HashSet<>();
        for (String name : proc.list(pid, "fd")) {
            try {
                String target = proc.readLink(pid, "fd", name);
                targetByFd.put(Integer.parseInt(name), target);
                socketInodes.add(FdKind.socketInode(target));
            } catch (NoSuchFileException closedMeanwhile) {
                // gone between listing and reading
            }
        }
        Map<Long, TcpSocket> tcp = TcpTable.parse(socketInodes, proc.read(pid, "net", "tcp"), proc.read(pid, "net", "tcp6"));
        List<Fd> fds = new ArrayList<>();
        targetByFd.forEach((fd, target) -> fds.add(new Fd(fd, FdKind.of(target), target, tcp.get(FdKind.socketInode(target)))));
        return fds;
    }
}
