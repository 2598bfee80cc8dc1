package dev.leakhunt.sampler.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources that walk a /proc tree, run on a canned one. */
class CannedProcTest {
    @TempDir
    Path root;

    private void file(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String stat(int tid, String comm, char state, long utime, long stime, long start) {
        return tid + " (" + comm + ") " + state + " 1 1 1 0 -1 0 0 0 0 0 " + utime + " " + stime
                + " 0 0 20 0 1 0 " + start + " 0 0";
    }

    @Test
    void gcCpuSumsGcThreadsOnlyAndKeepsEndedThreadsCpu() throws IOException {
        file("9/task/9/stat", stat(9, "java", 'S', 500, 500, 7));
        file("9/task/10/stat", stat(10, "GC Thread#0", 'S', 30, 10, 7));
        file("9/task/11/stat", stat(11, "G1 Conc#0", 'S', 5, 5, 7));
        file("9/task/12/stat", stat(12, "VM Thread", 'S', 100, 0, 7));
        GcThreadCpu gc = new GcThreadCpu(new ProcFs(root), 9, 2);
        assertEquals(0.5, gc.cpuSeconds().orElseThrow());
        file("9/task/10/stat", stat(10, "GC Thread#0", 'S', 60, 10, 7));
        Files.delete(root.resolve("9/task/11/stat"));
        Files.delete(root.resolve("9/task/11"));
        assertEquals(0.8, gc.cpuSeconds().orElseThrow(), 1e-9, "the ended G1 Conc#0 keeps its 0.1 s");
    }

    @Test
    void aJvmWithoutGcThreadsHasNoGcCpuReading() throws IOException {
        // the Serial collector works in the VM Thread, among its other safepoint operations
        file("7/task/7/stat", stat(7, "java", 'S', 500, 500, 7));
        file("7/task/8/stat", stat(8, "VM Thread", 'S', 100, 0, 7));
        assertTrue(new GcThreadCpu(new ProcFs(root), 7, 2).cpuSeconds().isEmpty());
    }

    @Test
    void targetExitIsReadFromAZombieAndAbsenceMeansUnknownStatus() throws IOException {
        file("5/stat", stat(5, "java", 'S', 1, 1, 42));
        ProcFs proc = new ProcFs(root);
        TargetProcess target = TargetProcess.of(proc, 5);
        assertEquals(Optional.empty(), target.exit());
        file("5/stat", stat(5, "java", 'S', 1, 1, 43));
        assertEquals(Optional.of(new TargetProcess.Exit(OptionalInt.empty(), OptionalInt.empty())), target.exit(),
                "same pid, other start time: the target is gone and the pid reused");
        Files.delete(root.resolve("5/stat"));
        assertTrue(target.exit().isPresent());
    }

    @Test
    void oomKillCounterOfACgroupV1Target() throws IOException {
        Path memory = root.resolve("sys/memory");
        Files.createDirectories(memory.resolve("lab/target"));
        Files.writeString(memory.resolve("lab/target/memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
        String cgroup = "5:cpu:/\n4:memory:/lab/target\n0::/\n";
        String mountinfo = "35 31 0:32 / " + memory + " rw,relatime - cgroup cgroup rw,memory\n"
                + "41 31 0:38 / /nonexistent rw,relatime - cgroup2 cgroup2 rw\n";
        file("7/cgroup", cgroup);
        file("self/mountinfo", mountinfo);
        OomKillCounter counter = OomKillCounter.locate(new ProcFs(root), 7).orElseThrow();
        assertEquals(memory.resolve("lab/target/memory.oom_control"), counter.file());
        assertEquals(Optional.of(false), counter.killedSinceStart());
        Files.writeString(counter.file(), "oom_kill_disable 0\nunder_oom 0\noom_kill 3\n");
        assertEquals(Optional.of(true), counter.killedSinceStart());
    }

    @Test
    void oomKillCounterOfACgroupV2TargetBelowANamespacedMountRoot() throws IOException {
        Path unified = root.resolve("sys/unified");
        Files.createDirectories(unified.resolve("svc"));
        Files.writeString(unified.resolve("svc/memory.events"), "low 0\nhigh 0\nmax 4\noom 1\noom_kill 1\n");
        String mountinfo = "41 31 0:38 /container " + unified + " rw - cgroup2 cgroup2 rw\n";
        assertEquals(Optional.of(unified.resolve("svc/memory.events")),
                OomKillCounter.counterFile("0::/container/svc\n", mountinfo));
        assertEquals(Optional.empty(), OomKillCounter.counterFile("0::/elsewhere\n", mountinfo));
    }
}
