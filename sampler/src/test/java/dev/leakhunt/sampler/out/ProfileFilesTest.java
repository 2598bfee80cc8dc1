package dev.leakhunt.sampler.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunt.sampler.jmx.ThreadDumpJson.DumpedThread;
import dev.leakhunt.sampler.proc.Fd;
import dev.leakhunt.sampler.proc.FdKind;
import dev.leakhunt.sampler.proc.TcpSocket;
import dev.leakhunt.sampler.proc.TcpState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ProfileFilesTest {

    @Test
    void threadGroupsLargestFirstByKindStateAndStack() {
        List<String> parked = List.of("java.base/jdk.internal.misc.Unsafe.park(Native Method)", "Leak.run(Leak.java:9)");
        List<DumpedThread> threads = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            threads.add(new DumpedThread(Integer.toString(100 + i), "leak-" + i, "WAITING", false, parked));
        }
        threads.add(new DumpedThread("1", "main", "RUNNABLE", false, List.of("App.main(App.java:3)")));
        threads.add(new DumpedThread("200", "", "WAITING", true, parked));
        threads.add(new DumpedThread("201", "", "WAITING", true, parked));
        String text = ThreadGroups.render(threads);
        String expected = """
                # 10 threads in 3 groups

                7 WAITING platform: leak-0, leak-1, leak-2, leak-3, leak-4, … (+2)
                    java.base/jdk.internal.misc.Unsafe.park(Native Method)
                    Leak.run(Leak.java:9)

                2 WAITING virtual: #200, #201
                    java.base/jdk.internal.misc.Unsafe.park(Native Method)
                    Leak.run(Leak.java:9)

                1 RUNNABLE platform: main
                    App.main(App.java:3)
                """;
        assertEquals(expected, text);
    }

    @Test
    void fdTableHasOneTabSeparatedRowPerFd() {
        String tsv = FdTsv.render(List.of(
                new Fd(4, FdKind.SOCKET, "socket:[7]", new TcpSocket(7, TcpState.CLOSE_WAIT, "127.0.0.1:5000", "127.0.0.1:80")),
                new Fd(5, FdKind.FILE, "/tmp/odd\tname", null)));
        assertEquals("fd\tkind\ttarget\tsocket_state\tlocal\tpeer\n"
                + "4\tsocket\tsocket:[7]\tCLOSE_WAIT\t127.0.0.1:5000\t127.0.0.1:80\n"
                + "5\tfile\t/tmp/odd name\t\t\t\n", tsv);
    }

    @Test
    void retentionKeepsFirstAndLatestAndSpreadsTheRestPreferringHeapWalks() {
        ProfileRetention retention = new ProfileRetention(48);
        List<Long> kept = new ArrayList<>();
        Set<Long> heapWalks = new HashSet<>();
        long fiveMinutesMs = 300_000;
        for (long i : LongStream.rangeClosed(0, 288).toArray()) {
            long ts = i * fiveMinutesMs;
            kept.add(ts);
            if (i % 6 == 0) {
                heapWalks.add(ts);
            }
            kept.removeAll(retention.toDelete(kept, heapWalks));
            assertTrue(kept.size() <= 48);
        }
        assertTrue(kept.stream().filter(heapWalks::contains).count() >= 46, "nearly all kept folders hold a heap walk");
        assertEquals(0L, kept.get(0), "the first profile stays");
        assertEquals(288 * fiveMinutesMs, kept.get(kept.size() - 1), "the latest profile stays");
        long widestGap = 0;
        for (int i = 1; i < kept.size(); i++) {
            widestGap = Math.max(widestGap, kept.get(i) - kept.get(i - 1));
        }
        assertTrue(widestGap <= 60 * 60_000, "no hole over an hour in 24 h: " + widestGap);
        assertThrows(IllegalArgumentException.class, () -> new ProfileRetention(1));
    }
}
