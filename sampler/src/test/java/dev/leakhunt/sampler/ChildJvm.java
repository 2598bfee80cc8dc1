package dev.leakhunt.sampler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JVM started from this test's JDK and class path; stopped (by its own pid) on close. */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final PrintWriter stdin;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();

    private ChildJvm(Process process) {
        this.process = process;
        this.stdin = new PrintWriter(process.getOutputStream(), true);
        Thread.ofPlatform().daemon().name("child-stdout-" + process.pid()).start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    stdout.add(line);
                }
            } catch (IOException ended) {
                // the child is gone
            }
        });
    }

    static ChildJvm start(List<String> jvmFlags, String mainClass, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return new ChildJvm(new ProcessBuilder(command).redirectError(log.toFile()).start());
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    /** Sends a command line and waits for the line that starts with {@code expectPrefix}. */
    String command(String line, String expectPrefix, Duration timeout) throws InterruptedException {
        stdin.println(line);
        return awaitLine(expectPrefix, timeout);
    }

    String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = stdout.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no line starting with '" + prefix + "' within " + timeout);
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** SIGTERM first, so that the child's JFR deletes its repository (a SIGKILL leaves it in /tmp); SIGKILL after 10 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
