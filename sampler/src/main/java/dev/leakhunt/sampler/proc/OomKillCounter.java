package dev.leakhunt.sampler.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code oom_kill} counter of the target's memory cgroup, located while the target lives (its
 * {@code /proc/<pid>/cgroup} vanishes with it): cgroup v1 {@code memory.oom_control}, or cgroup v2
 * {@code memory.events}. The target was OOM-killed when the counter grew between start and death. Another
 * process of the same cgroup killed meanwhile would count too; the lab gives the target a cgroup of its own.
 */
public final class OomKillCounter {
    private final Path counterFile;
    private final long atStart;

    private OomKillCounter(Path counterFile, long atStart) {
        this.counterFile = counterFile;
        this.atStart = atStart;
    }

    /** Empty when the target is in no memory cgroup whose counter this process can read. */
    public static Optional<OomKillCounter> locate(ProcFs proc, long pid) {
        try {
            Optional<Path> file = counterFile(proc.read(Long.toString(pid), "cgroup"), proc.read("self", "mountinfo"));
            if (file.isEmpty()) {
                return Optional.empty();
            }
            OptionalLong count = oomKills(Files.readString(file.get()));
            return count.isPresent() ? Optional.of(new OomKillCounter(file.get(), count.getAsLong())) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Whether the counter grew since start; empty when it can no longer be read. */
    public Optional<Boolean> killedSinceStart() {
        try {
            OptionalLong now = oomKills(Files.readString(counterFile));
            return now.isPresent() ? Optional.of(now.getAsLong() > atStart) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    public Path file() {
        return counterFile;
    }

    /** The counter file for a {@code /proc/<pid>/cgroup} and the mounts of {@code /proc/self/mountinfo}. */
    static Optional<Path> counterFile(String cgroupText, String mountinfoText) {
        for (String line : cgroupText.split("\n")) {
            String[] f = line.split(":", 3);
            if (f.length == 3 && !f[0].equals("0") && Arrays.asList(f[1].split(",")).contains("memory")) {
                Optional<Path> file = mountPath(mountinfoText, "cgroup", "memory", f[2]).map(p -> p.resolve("memory.oom_control"));
                if (file.isPresent() && Files.isReadable(file.get())) {
                    return file;
                }
            }
        }
        for (String line : cgroupText.split("\n")) {
            if (line.startsWith("0::")) {
                Optional<Path> file = mountPath(mountinfoText, "cgroup2", null, line.substring(3)).map(p -> p.resolve("memory.events"));
                if (file.isPresent() && Files.isReadable(file.get())) {
                    return file;
                }
            }
        }
        return Optional.empty();
    }

    /** mountinfo: {@code id parent dev root mountpoint options [tags] - fstype source superoptions}. */
    private static Optional<Path> mountPath(String mountinfoText, String fsType, String superOption, String cgroupPath) {
        for (String line : mountinfoText.split("\n")) {
            int dash = line.indexOf(" - ");
            if (dash < 0) {
                continue;
            }
            String[] before = line.substring(0, dash).split(" ");
            String[] after = line.substring(dash + 3).split(" ");
            boolean match = after[0].equals(fsType)
                    && (superOption == null || Arrays.asList(after[2].split(",")).contains(superOption));
            String root = before[3];
            if (match && (cgroupPath.equals(root) || cgroupPath.startsWith(root.endsWith("/") ? root : root + "/"))) {
                String relative = cgroupPath.substring(root.length()).replaceFirst("^/", "");
                return Optional.of(Path.of(before[4]).resolve(relative));
            }
        }
        return Optional.empty();
    }

    /** The {@code oom_kill N} line of memory.oom_control (v1) or memory.events (v2). */
    static OptionalLong oomKills(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("oom_kill ")) {
                return OptionalLong.of(Long.parseLong(line.substring("oom_kill ".length()).trim()));
            }
        }
        return OptionalLong.empty();
    }
}
