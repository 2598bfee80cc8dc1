package dev.leakhunt.sampler.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakhunt.sampler.Column;
import dev.leakhunt.sampler.Sample;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TcpTableTest {
    private static final String TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1001 1 0 100 0 0 10 0
               1: 0100007F:D431 0100007F:1F90 08 00000000:00000001 00:00000000 00000000     0        0 1002 1 0 20 4 30 10 -1
               2: 0100007F:D432 0100007F:1F90 06 00000000:00000000 03:00000F2A 00000000     0        0 0 3 0
            """;
    private static final String TCP6 = """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0000000000000000FFFF00000100007F:1F91 0000000000000000FFFF00000100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 1003 1 0 20 4 30 10 -1
            """;

    private static final Set<Long> TARGETS_INODES = Set.of(1001L, 1002L, 1003L, 0L);

    @Test
    void decodesStatesAndLittleEndianAddresses() {
        Map<Long, TcpSocket> sockets = TcpTable.parse(TARGETS_INODES, TCP, TCP6);
        assertEquals(new TcpSocket(1001, TcpState.LISTEN, "127.0.0.1:8080", "0.0.0.0:0"), sockets.get(1001L));
        assertEquals(new TcpSocket(1002, TcpState.CLOSE_WAIT, "127.0.0.1:54321", "127.0.0.1:8080"), sockets.get(1002L));
        assertEquals(new TcpSocket(1003, TcpState.ESTABLISHED, "[0:0:0:0:0:ffff:7f00:1]:8081",
                "[0:0:0:0:0:ffff:7f00:1]:40000"), sockets.get(1003L));
        assertEquals(3, sockets.size(), "a TIME_WAIT socket has no inode and belongs to no fd");
    }

    @Test
    void linesOfOtherProcessesSocketsAreSkipped() {
        assertEquals(Set.of(1002L), TcpTable.parse(Set.of(1002L), TCP, TCP6).keySet());
        assertEquals(-1, TcpTable.inode("   0: 0100007F:1F90 00000000:0000 0A"));
    }

    @Test
    void countsFdsByKindAndTcpSocketsByState() {
        Map<Long, TcpSocket> tcp = TcpTable.parse(TARGETS_INODES, TCP, TCP6);
        List<Fd> fds = List.of(
                new Fd(0, FdKind.OTHER, "/dev/null", null),
                new Fd(3, FdKind.FILE, "/tmp/a", null),
                new Fd(4, FdKind.SOCKET, "socket:[1001]", tcp.get(1001L)),
                new Fd(5, FdKind.SOCKET, "socket:[1002]", tcp.get(1002L)),
                new Fd(6, FdKind.SOCKET, "socket:[1003]", tcp.get(1003L)),
                new Fd(7, FdKind.SOCKET, "socket:[999]", null),
                new Fd(8, FdKind.PIPE, "pipe:[5]", null),
                new Fd(9, FdKind.ANON, "anon_inode:[eventfd]", null));
        Sample sample = new Sample(1);
        ProcSource.countFds(fds, sample);
        assertEquals(8L, sample.get(Column.OPEN_FDS));
        assertEquals(4L, sample.get(Column.FDS_SOCKET));
        assertEquals(1L, sample.get(Column.FDS_FILE));
        assertEquals(1L, sample.get(Column.FDS_PIPE));
        assertEquals(1L, sample.get(Column.FDS_ANON));
        assertEquals(1L, sample.get(Column.FDS_OTHER));
        assertEquals(1L, sample.get(Column.SOCKETS_LISTEN));
        assertEquals(1L, sample.get(Column.SOCKETS_CLOSE_WAIT));
        assertEquals(1L, sample.get(Column.SOCKETS_ESTABLISHED));
        assertEquals(0L, sample.get(Column.SOCKETS_OTHER));
    }
}
