package dev.leakhunt.simulations.soak;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child process the supervisor started and therefore owns: its output goes to a log file, and {@link #stop}
 * ends it and every process it started, by pid — SIGTERM first, SIGKILL for what is still alive after a grace
 * period. Closing it stops it, so a try-with-resources never leaves it running.
 */
public final class ManagedProcess implements AutoCloseable {
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    private final String role;
    private final List<String> command;
    private final Process process;
    private final long startedMs;
    private volatile boolean stopRequested;
    private volatile boolean killed;

    private ManagedProcess(String role, List<String> command, Process process, long startedMs) {
        this.role = role;
        this.command = List.copyOf(command);
        this.process = process;
        this.startedMs = startedMs;
    }

    /** Starts {@code command} with extra environment variables, appending its stdout and stderr to {@code log}. */
    public static ManagedProcess start(String role, List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        long startedMs = System.currentTimeMillis();
        return new ManagedProcess(role, command, builder.start(), startedMs);
    }

    public String role() {
        return role;
    }

    public List<String> command() {
        return command;
    }

    public long pid() {
        return process.pid();
    }

    public long startedMs() {
        return startedMs;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public CompletableFuture<ManagedProcess> onExit() {
        return process.onExit().thenApply(ignored -> this);
    }

    /** Waits until the process exits by itself, at most {@code timeout}; true when it has exited. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How the process ended; only meaningful once it has exited. */
    public Ending ending() {
        if (process.isAlive()) {
            throw new IllegalStateException(role + " (pid " + pid() + ") is still running");
        }
        String endedBy = killed ? "killed" : stopRequested ? "stopped" : "exited";
        return new Ending(process.exitValue(), endedBy, System.currentTimeMillis());
    }

    /**
     * Ends the process and its descendants: SIGTERM to all of them (children first, so a parent that waits on its
     * child sees it go), then SIGKILL to whatever is still alive after {@code grace}. Idempotent.
     */
    public Ending stop(Duration grace) {
        if (process.isAlive()) {
            stopRequested = true;
            List<ProcessHandle> tree = process.descendants().toList().reversed();
            tree.forEach(ProcessHandle::destroy);
            process.destroy();
            if (!awaitTree(tree, grace)) {
                killed = true;
                tree.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                awaitTree(tree, grace);
            }
        }
        return ending();
    }

    /** True when the process and {@code tree} all exited within {@code grace}. Not interruptible: a stop finishes. */
    private boolean awaitTree(List<ProcessHandle> tree, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    for (ProcessHandle handle : tree) {
                        handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    }
                    return process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for " + role + " to exit", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }

    /**
     * The end of a process. {@code exitCode} above 128 means it died of signal {@code exitCode - 128};
     * {@code endedBy}: {@code stopped} (by us, within the grace period), {@code killed} (by us, SIGKILL),
     * {@code exited} (by itself), {@code oom_kill} (by the kernel's OOM killer in its memory cgroup).
     */
    public record Ending(int exitCode, String endedBy, long endedMs) {
        public Integer signal() {
            return exitCode > 128 ? exitCode - 128 : null;
        }

        public Ending asOomKill() {
            return new Ending(exitCode, "oom_kill", endedMs);
        }
    }
}
