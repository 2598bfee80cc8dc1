package dev.leakhunt.target.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One role of the real jar running as a child process: started with free ports, ready once it printed its
 * ready line, stopped by its pid on {@link #close()} whatever happened. stderr goes to {@code target/it-logs}.
 */
public final class LabProcess implements AutoCloseable {
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Process process;
    private final Map<String, String> ready;

    private LabProcess(Process process, Map<String, String> ready) {
        this.process = process;
        this.ready = ready;
    }

    /** The shaded jar under test (the build passes its path; running from an IDE falls back to target/). */
    static Path jar() {
        return Path.of(System.getProperty("leakhunt.target.jar", "target/target-app.jar")).toAbsolutePath();
    }

    /** A test's stderr log under {@code target/it-logs}. */
    private static Path testLog(String name) {
        return Path.of("target", "it-logs", name + "-" + System.nanoTime() + ".log");
    }

    /** {@code java -jar jar jarArgs…} with the JDK running this code. */
    public static List<String> javaCommand(Path jar, String... jarArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(jarArgs));
        return command;
    }

    public static LabProcess downstream() throws IOException, InterruptedException {
        return start(jar(), testLog("downstream"), "--role=downstream", "--port=0");
    }

    public static LabProcess target(String leak, LabProcess downstream, String... extraArgs)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--role=target", "--leak=" + leak, "--port=0", "--admin-port=0",
                "--downstream=http://127.0.0.1:" + downstream.port()));
        args.addAll(List.of(extraArgs));
        return start(jar(), testLog("target-" + leak), args.toArray(String[]::new));
    }

    /** Starts {@code jar} with {@code jarArgs}, its stderr going to {@code stderrLog}; returns once it is ready. */
    public static LabProcess start(Path jar, Path stderrLog, String... jarArgs) throws IOException, InterruptedException {
        Files.createDirectories(stderrLog.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(javaCommand(jar, jarArgs))
                .redirectError(stderrLog.toFile())
                .start();
        try {
            return new LabProcess(process, awaitReadyLine(process));
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(process);
            throw e;
        }
    }

    /** Reads stdout on a helper thread so a silent child cannot hang the test past the timeout. */
    private static Map<String, String> awaitReadyLine(Process process) throws IOException, InterruptedException {
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(1);
        Thread reader = Thread.ofPlatform().daemon(true).name("ready-line-reader").start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line = out.readLine();
                lines.add(line == null ? "" : line);
            } catch (IOException e) {
                lines.add("");
            }
        });
        String line = lines.poll(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        reader.interrupt();
        if (line == null || !line.contains(" ready ")) {
            throw new IOException("no ready line within " + READY_TIMEOUT + " (got " + line + ", alive=" + process.isAlive() + ")");
        }
        return parseReadyLine(line);
    }

    /** {@code leakhunt-target ready port=1 admin-port=2 pid=3} → {role=leakhunt-target, port=1, …}. */
    static Map<String, String> parseReadyLine(String line) {
        String[] words = line.trim().split(" ");
        Map<String, String> fields = new HashMap<>();
        fields.put("role", words[0]);
        for (int i = 2; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            fields.put(words[i].substring(0, eq), words[i].substring(eq + 1));
        }
        return fields;
    }

    public int port() {
        return Integer.parseInt(ready.get("port"));
    }

    public int adminPort() {
        return Integer.parseInt(ready.get("admin-port"));
    }

    public long pid() {
        return Long.parseLong(ready.get("pid"));
    }

    public Map<String, String> readyFields() {
        return Map.copyOf(ready);
    }

    @Override
    public void close() throws InterruptedException {
        stop(process);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
