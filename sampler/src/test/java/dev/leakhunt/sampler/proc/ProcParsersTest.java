package dev.leakhunt.sampler.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcParsersTest {

    @Test
    void statusGivesRssInBytesAndKernelThreads() {
        ProcStatus status = ProcStatus.parse("Name:\tjava\nVmHWM:\t  200000 kB\nVmRSS:\t  183420 kB\nThreads:\t41\n");
        assertEquals(OptionalLong.of(183420L * 1024), status.rssBytes());
        assertEquals(OptionalLong.of(41), status.threads());
    }

    @Test
    void statusOfAKernelThreadHasNoRss() {
        ProcStatus status = ProcStatus.parse("Name:\tkthreadd\nThreads:\t1\n");
        assertFalse(status.rssBytes().isPresent(), "unknown, not 0");
    }

    @Test
    void statCountsFieldsAfterTheLastParenthesisOfTheName() {
        String line = "4242 (G1 Conc#0 (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 41 0 987654 "
                + "5000000 3000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0";
        ProcStat stat = ProcStat.parse(line);
        assertEquals("G1 Conc#0 (x) y", stat.comm());
        assertEquals('S', stat.state());
        assertEquals(325, stat.cpuTicks());
        assertEquals(3.25, stat.cpuSeconds());
        assertEquals(987654, stat.startTicks());
        assertEquals(OptionalInt.empty(), stat.exitStatus(), "only a zombie has an exit status");
    }

    @Test
    void zombieStatCarriesTheWaitStatus() {
        StringBuilder line = new StringBuilder("77 (java) Z 1 77 77 0 -1 0 0 0 0 0 10 5 0 0 20 0 1 0 555 0 0");
        for (int field = 25; field <= 51; field++) {
            line.append(" 0");
        }
        line.append(" 35072"); // field 52: exit(137) << 8
        ProcStat stat = ProcStat.parse(line.toString());
        assertEquals(OptionalInt.of(35072), stat.exitStatus());
        TargetProcess.Exit exit = TargetProcess.Exit.ofWaitStatus(stat.exitStatus().getAsInt());
        assertEquals(OptionalInt.of(137), exit.exitCode());
        assertEquals(OptionalInt.empty(), exit.signal());
        assertEquals(OptionalInt.of(9), TargetProcess.Exit.ofWaitStatus(9).signal());
    }

    @Test
    void limitsGiveTheSoftFdLimitAndUnlimitedIsUnknown() {
        String limits = """
                Limit                     Soft Limit           Hard Limit           Units
                Max cpu time              unlimited            unlimited            seconds
                Max open files            1024                 524288               files
                """;
        assertEquals(OptionalLong.of(1024), ProcLimits.softOpenFiles(limits));
        assertEquals(OptionalLong.empty(),
                ProcLimits.softOpenFiles("Max open files            unlimited            unlimited            files\n"));
    }

    @Test
    void fdKindsFromLinkText() {
        assertEquals(FdKind.SOCKET, FdKind.of("socket:[31245]"));
        assertEquals(31245, FdKind.socketInode("socket:[31245]"));
        assertEquals(-1, FdKind.socketInode("/tmp/x"));
        assertEquals(FdKind.PIPE, FdKind.of("pipe:[1]"));
        assertEquals(FdKind.ANON, FdKind.of("anon_inode:[eventpoll]"));
        assertEquals(FdKind.FILE, FdKind.of("/usr/lib/jvm/lib/modules"));
        assertEquals(FdKind.FILE, FdKind.of("/tmp/gone (deleted)"));
        assertEquals(FdKind.OTHER, FdKind.of("/dev/null"));
        assertEquals(FdKind.OTHER, FdKind.of("net:[4026531840]"));
    }

    @Test
    void gcThreadNamesOfG1ZgcAndParallel() {
        for (String name : new String[] {"GC Thread#0", "G1 Main Marker", "G1 Conc#0", "G1 Refine#3", "G1 Service",
                "ZWorkerYoung#0", "ZDriverMajor"}) {
            assertTrue(GcThreadNames.isGc(name), name);
        }
        for (String name : new String[] {"VM Thread", "C2 CompilerThre", "main", "Reference Handl"}) {
            assertFalse(GcThreadNames.isGc(name), name);
        }
    }
}
