package dev.leakhunt.simulations.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code java -jar simulations/target/soak.jar …} as a test runs it, the way {@code make soak} does. Closing it
 * kills the supervisor and anything it left, by pid, so a failing test leaves nothing running either.
 */
final class SoakRun implements AutoCloseable {
    static final Path HOME = Path.of(System.getProperty("user.dir")).getParent();
    static final Path JAVA = Path.of(ProcessHandle.current().info().command().orElseThrow());

    private final Process process;
    private final Path run;
    private final Path output;

    private SoakRun(Process process, Path run, Path output) {
        this.process = process;
        this.run = run;
        this.output = output;
    }

    /** Starts a soak into run folder {@code run}; its console output goes beside it. */
    static SoakRun start(Path run, String... arguments) throws IOException {
        return start(JAVA, run, arguments);
    }

    static SoakRun start(Path java, Path run, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar",
                HOME.resolve("simulations/target/soak.jar").toString(), "--home=" + HOME, "--run=" + run));
        command.addAll(List.of(arguments));
        Path output = run.resolveSibling(run.getFileName() + ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        return new SoakRun(process, run, output);
    }

    long pid() {
        return process.pid();
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("soak still running after " + timeout + "; output:\n" + diagnostics());
        }
        return process.exitValue();
    }

    void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal + " failed");
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** The soak's output and the tail of every log in the run folder, for a failure message. */
    String diagnostics() {
        StringBuilder text = new StringBuilder(output());
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(run.resolve("logs"))) {
            for (Path log : logs) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                text.append("\n--- ").append(log.getFileName()).append(" (last 20 lines)\n");
                lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(l -> text.append(l).append('\n'));
            }
        } catch (IOException e) {
            text.append("\n(no logs: ").append(e).append(')');
        }
        return text.toString();
    }

    /** Polls until {@code condition} holds; fails with the soak's output when it does not within {@code timeout}. */
    void awaitCondition(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                fail("soak exited (" + process.exitValue() + ") before " + what + "; output:\n" + diagnostics());
            }
            if (System.nanoTime() > deadline) {
                fail("no " + what + " within " + timeout + "; output:\n" + diagnostics());
            }
            Thread.sleep(250);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    static JsonNode manifest(Path run) throws IOException {
        return new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
    }

    /** Every pid the run folder names (manifest processes and their restarts, the Gatling JVM) has exited. */
    static void assertNothingLeftRunning(Path run) throws IOException {
        List<Long> pids = new ArrayList<>();
        manifest(run).path("processes").forEach(process -> {
            pids.add(process.path("pid").asLong());
            process.path("restarts").forEach(earlier -> pids.add(earlier.path("pid").asLong()));
        });
        Path rss = run.resolve("logs/gatling-rss.csv");
        if (Files.exists(rss)) {
            Files.readAllLines(rss).stream().skip(1).map(line -> line.split(",")[1]).map(Long::parseLong)
                    .forEach(pids::add);
        }
        for (long pid : pids) {
            assertTrue(ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty(), "pid " + pid + " still runs");
        }
        assertTrue(processesMentioning(run.toString()).isEmpty(),
                "processes still mention " + run + ": " + processesMentioning(run.toString()));
    }

    /** Command lines in /proc that contain {@code marker} (a run folder's unique path), ours excluded. */
    static List<String> processesMentioning(String marker) throws IOException {
        List<String> found = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    String commandLine = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                    if (commandLine.contains(marker) && !process.getFileName().toString()
                            .equals(Long.toString(ProcessHandle.current().pid()))) {
                        found.add(process.getFileName() + ": " + commandLine);
                    }
                } catch (IOException e) {
                    // the process ended while we looked
                }
            }
        }
        return found;
    }

    static boolean hasSampleRow(Path run) {
        try {
            return Files.exists(run.resolve("samples.csv")) && Files.readAllLines(run.resolve("samples.csv")).size() >= 2;
        } catch (IOException e) {
            return false;
        }
    }
}
