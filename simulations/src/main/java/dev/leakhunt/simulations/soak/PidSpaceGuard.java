package dev.leakhunt.simulations.soak;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Always on: ends a soak whose thread leak has gone far enough to endanger the machine. Thread ids come from
 * the kernel's pid space ({@code kernel.pid_max}), shared by every process on the host: a {@code thread} or
 * {@code ticker} leak left running would make every fork on the machine fail. A quarter of that space is far past
 * any doubt about the leak, and leaves the rest of the machine room. Other resources are left alone on purpose:
 * running into the fd limit or the memory limit is the experiment, and the target's own limits end it.
 */
final class PidSpaceGuard {
    static final int PID_SPACE_SHARE = 4;

    private final long threadLimit;

    PidSpaceGuard(long pidMax) {
        this.threadLimit = pidMax / PID_SPACE_SHARE;
    }

    /** The guard for this machine, or none when kernel.pid_max cannot be read. */
    static Optional<PidSpaceGuard> forThisMachine() {
        // Read to EOF through a stream: Files.readString trusts the reported size (0 for /proc) and returned only
        // the first byte of this sysctl on the development machine.
        try (InputStream in = Files.newInputStream(Path.of("/proc/sys/kernel/pid_max"))) {
            return Optional.of(new PidSpaceGuard(Long.parseLong(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim())));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Why the soak must stop, given the sampler's latest row; empty while it may go on. */
    Optional<String> tripped(Map<String, String> row) {
        OptionalLong threads = number(row.get("os_threads"));
        if (threads.isPresent() && threads.getAsLong() >= threadLimit) {
            return Optional.of("the target has " + threads.getAsLong() + " threads, 1/" + PID_SPACE_SHARE
                    + " of the machine's kernel.pid_max: the thread leak is proven and would soon stop every"
                    + " process on the machine from starting threads");
        }
        return Optional.empty();
    }

    private static OptionalLong number(String cell) {
        try {
            return cell == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(cell));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
