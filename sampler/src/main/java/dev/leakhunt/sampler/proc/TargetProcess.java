package dev.leakhunt.sampler.proc;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The target as a process: whether it still lives, and how it ended when that can be known. The sampler is not
 * the target's parent, so it cannot wait(2) for it; the exit status is readable only while the dead target is a
 * zombie its parent has not reaped yet ({@code stat} field 52). A pid is tied to its start time so that a
 * recycled pid is not mistaken for the target.
 */
public final class TargetProcess {
    private static final int SIGNAL_MASK = 0x7f;

    private final ProcFs proc;
    private final long pid;
    private final long startTicks;

    private TargetProcess(ProcFs proc, long pid, long startTicks) {
        this.proc = proc;
        this.pid = pid;
        this.startTicks = startTicks;
    }

    /** @throws IOException when no such process runs */
    public static TargetProcess of(ProcFs proc, long pid) throws IOException {
        ProcStat stat = ProcStat.parse(proc.read(Long.toString(pid), "stat"));
        if (stat.state() == 'Z') {
            throw new IOException("process " + pid + " has already exited");
        }
        return new TargetProcess(proc, pid, stat.startTicks());
    }

    public long pid() {
        return pid;
    }

    /**
     * Whether the process has HotSpot loaded. Attaching sends SIGQUIT to the target, which kills a process that
     * is not a JVM, so the sampler attaches only when this holds.
     */
    public boolean isJvm() throws IOException {
        return proc.read(Long.toString(pid), "maps").contains("/libjvm.so");
    }

    /** Empty while the target runs; how it ended once it does not. */
    public Optional<Exit> exit() {
        ProcStat stat;
        try {
            stat = ProcStat.parse(proc.read(Long.toString(pid), "stat"));
        } catch (NoSuchFileException gone) {
            return Optional.of(Exit.UNKNOWN);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        if (stat.startTicks() != startTicks) {
            return Optional.of(Exit.UNKNOWN);
        }
        if (stat.state() != 'Z') {
            return Optional.empty();
        }
        return Optional.of(stat.exitStatus().stream().mapToObj(Exit::ofWaitStatus).findFirst().orElse(Exit.UNKNOWN));
    }

    /** The wait(2) status split into exit code and terminating signal, each empty when unknown. */
    public record Exit(OptionalInt exitCode, OptionalInt signal) {
        static final Exit UNKNOWN = new Exit(OptionalInt.empty(), OptionalInt.empty());

        static Exit ofWaitStatus(int status) {
            int signal = status & SIGNAL_MASK;
            return signal != 0
                    ? new Exit(OptionalInt.empty(), OptionalInt.of(signal))
                    : new Exit(OptionalInt.of(status >> 8 & 0xff), OptionalInt.empty());
        }
    }
}
