package dev.leakhunt.simulations.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A memory cgroup made for one run's target, so that MEMORY_LIMIT is a real kernel limit with a real OOM kill, as
 * in a container. v1 ({@code memory.limit_in_bytes}, OOM kills in {@code memory.oom_control}) or v2
 * ({@code memory.max}, {@code memory.events}). The target enters it before its JVM starts ({@link #enter}), so the
 * JVM sizes its heap from the limit like it would in a container. Closing removes the cgroup.
 */
public final class MemoryCgroup implements AutoCloseable {
    private final Path directory;
    private final String version;
    private final Path oomCounterFile;

    private MemoryCgroup(Path directory, String version, Path oomCounterFile) {
        this.directory = directory;
        this.version = version;
        this.oomCounterFile = oomCounterFile;
    }

    /**
     * Creates {@code leakhunt-<name>} below this process's own memory cgroup with the given limit.
     *
     * @throws IOException with a one-line message naming what was tried, when neither version is writable
     */
    public static MemoryCgroup create(String name, long limitBytes) throws IOException {
        CgroupLocator locator = new CgroupLocator(Files.readString(Path.of("/proc/self/mountinfo")),
                Files.readString(Path.of("/proc/self/cgroup")));
        List<String> tried = new ArrayList<>();
        var v1 = locator.v1Memory();
        if (v1.isPresent()) {
            try {
                return make(v1.get().resolve("leakhunt-" + name), "v1", "memory.limit_in_bytes", limitBytes,
                        "memory.oom_control");
            } catch (IOException e) {
                tried.add("v1 below " + v1.get() + " (" + e.getMessage() + ")");
            }
        }
        var v2 = locator.v2();
        if (v2.isPresent()) {
            try {
                return make(v2.get().resolve("leakhunt-" + name), "v2", "memory.max", limitBytes, "memory.events");
            } catch (IOException e) {
                tried.add("v2 below " + v2.get() + " (" + e.getMessage() + ")");
            }
        }
        throw new IOException("MEMORY_LIMIT needs a writable memory cgroup and none is: "
                + (tried.isEmpty() ? "no cgroup v1 memory controller or cgroup v2 hierarchy is mounted"
                : String.join("; ", tried))
                + " — run as a user who may create cgroups there, or soak without MEMORY_LIMIT");
    }

    private static MemoryCgroup make(Path directory, String version, String limitFile, long limitBytes,
                                     String oomFile) throws IOException {
        try {
            Files.createDirectory(directory);
        } catch (IOException e) {
            throw new IOException("cannot create " + directory + ": " + e, e);
        }
        try {
            if (!Files.exists(directory.resolve(limitFile))) {
                throw new IOException("the memory controller is not enabled for " + directory
                        + " (no " + limitFile + "; the parent's cgroup.subtree_control lacks memory)");
            }
            Files.writeString(directory.resolve(limitFile), Long.toString(limitBytes));
            // Without swap the limit is the whole story: an over-limit target is OOM-killed instead of paging.
            Path swap = directory.resolve(version.equals("v1") ? "memory.swappiness" : "memory.swap.max");
            if (Files.isWritable(swap)) {
                Files.writeString(swap, "0");
            }
            return new MemoryCgroup(directory, version, directory.resolve(oomFile));
        } catch (IOException e) {
            Files.deleteIfExists(directory);
            throw e;
        }
    }

    public Path directory() {
        return directory;
    }

    public String version() {
        return version;
    }

    /**
     * Wraps a command so that it moves itself into this cgroup and then becomes {@code command} by exec: the pid
     * stays the same and the JVM starts inside the limit.
     */
    public List<String> enter(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c",
                "echo $$ > \"$0\" && exec \"$@\"", directory.resolve("cgroup.procs").toString()));
        wrapped.addAll(command);
        return wrapped;
    }

    /** OOM kills in this cgroup so far, when the kernel reports them. */
    public OptionalLong oomKills() {
        try {
            for (String line : Files.readAllLines(oomCounterFile)) {
                if (line.startsWith("oom_kill ")) {
                    return OptionalLong.of(Long.parseLong(line.substring("oom_kill ".length()).trim()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** Removes the cgroup; the kernel refuses while a process is still inside, so call it after the target ended. */
    @Override
    public void close() throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                Files.deleteIfExists(directory);
                return;
            } catch (IOException e) {
                // The last task leaves the cgroup shortly after its exit is reported.
                if (attempt == 20) {
                    throw new IOException("cannot remove cgroup " + directory + ": " + e.getMessage(), e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while removing cgroup " + directory, interrupted);
                }
            }
        }
    }
}
