package dev.leakhunt.charts.localize;

import dev.leakhunt.charts.run.ProfileCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link LeakingChild} in its own JVM once per test JVM and hands out its two real profile captures, and
 * the source line numbers of its planted leaks.
 */
public final class LeakingChildProfiles {

    private static final long CHILD_TIMEOUT_S = 60;
    private static final Path SOURCE =
            Path.of("src", "test", "java", "dev", "leakhunt", "charts", "localize", "LeakingChild.java");

    private static Path runDir;

    private LeakingChildProfiles() {
    }

    /** The run folder the child wrote its profiles into. */
    public static synchronized Path runDir() throws IOException, InterruptedException {
        if (runDir == null) {
            // One folder per test JVM: two builds of the module at once must not share the child's files.
            Path dir = Files.createTempDirectory("leaking-child-run");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
            run(dir);
            runDir = dir;
        }
        return runDir;
    }

    public static List<ProfileCapture> captures() throws IOException, InterruptedException {
        return ProfileCapture.list(runDir().resolve("profiles"));
    }

    /** e.g. {@code dev.leakhunt.charts.localize.LeakingChild.remember(LeakingChild.java:57)} for "heap". */
    public static String plantedSite(String kind, String method) throws IOException {
        return markedSite("LEAK-SITE " + kind, method);
    }

    /** The thread-starting line whose threads all end. */
    static String busySite() throws IOException {
        return markedSite("BUSY-SITE threads", "runShortLivedWorker");
    }

    private static String markedSite(String marker, String method) throws IOException {
        List<String> lines = Files.readAllLines(SOURCE);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// " + marker)) {
                return LeakingChild.class.getName() + "." + method + "(LeakingChild.java:" + (i + 1) + ")";
            }
        }
        throw new IllegalStateException("no " + marker + " in " + SOURCE);
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    private static void run(Path dir) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(),
                "-Xmx256m",
                "-XX:StartFlightRecording:name=leakhunt,memory-leaks=gc-roots",
                // With JFR's default 256 samples the ring's large arrays leave no room for the map's small ones.
                "-XX:FlightRecorderOptions:old-object-queue-size=1024",
                "-XX:NativeMemoryTracking=summary",
                "-cp", System.getProperty("java.class.path"),
                LeakingChild.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        try {
            if (!child.waitFor(CHILD_TIMEOUT_S, TimeUnit.SECONDS) || child.exitValue() != 0) {
                throw new IllegalStateException("leaking child failed: " + Files.readString(dir.resolve("child.log")));
            }
        } finally {
            child.destroyForcibly();
        }
    }
}
