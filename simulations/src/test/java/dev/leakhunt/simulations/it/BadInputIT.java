package dev.leakhunt.simulations.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal happens before anything starts: exit 2, one line naming what is valid, no folder, no process. */
@ExtendWith(SiblingJars.class)
class BadInputIT {
    @TempDir
    Path folder;

    @Test
    void unknownLeak() throws Exception {
        assertRefused("unknown leak 'goroutine': valid are none|thread|fd|map|ticker|vthread|direct|metaspace", "--leak=goroutine");
    }

    @Test
    void malformedDuration() throws Exception {
        assertRefused("malformed duration '10 min': use whole numbers with h, m or s, e.g. 90s, 10m, 12h", "--duration=10 min");
    }

    @Test
    void negativeRate() throws Exception {
        assertRefused("RATE must be a positive number of arrivals per second, was -5.0", "--rate=-5");
    }

    @Test
    void busyPort() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            assertRefused("the lab target's port (--port) " + busy.getLocalPort() + " is busy on 127.0.0.1", "--port=" + busy.getLocalPort());
        }
    }

    @Test
    void unreadableMix() throws Exception {
        Path absent = folder.resolve("absent-mix.json");
        assertRefused("mix file " + absent + ": cannot read it", "--target-cmd=sleep 600",
                "--target-url=http://127.0.0.1:9", "--mix=" + absent);
    }

    @Test
    void targetPidThatIsNotRunning() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path mix = folder.resolve("mix.json");
        Files.writeString(mix, "{\"requests\": [{\"name\": \"r\", \"weight\": 1, \"method\": \"GET\", \"path\": \"/\"}]}");
        assertRefused("TARGET_PID " + gone.pid() + " is not a running process", "--target-pid=" + gone.pid(),
                "--target-url=http://127.0.0.1:9", "--mix=" + mix);
    }

    @Test
    void unknownExperiment() throws Exception {
        assertRefused("unknown experiment 'gc': valid are memory-limit|gc-growing-heap|cache-vs-leak|fd-exhaustion|"
                + "fix-and-flatten|returning-memory", "experiment", "gc");
    }

    @Test
    void experimentWithAMalformedDuration() throws Exception {
        assertRefused("experiment: --duration: malformed duration '2 min'", "experiment", "fd-exhaustion",
                "--duration=2 min");
    }

    @Test
    void notJdk25() throws Exception {
        Path java17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
        assumeTrue(Files.isExecutable(java17), "no Java 17 on this machine to run soak.jar with");
        assertRefusedBy(java17, "soak: a JDK 25 is required, this is Java 17");
    }

    private void assertRefused(String expected, String... arguments) throws Exception {
        assertRefusedBy(SoakRun.JAVA, expected, arguments);
    }

    private void assertRefusedBy(Path java, String expected, String... arguments) throws Exception {
        Path run = folder.resolve("run-" + System.nanoTime());
        try (SoakRun soak = SoakRun.start(java, run, arguments)) {
            int code = soak.awaitExit(Duration.ofSeconds(60));
            String output = soak.output().strip();
            assertEquals(2, code, output);
            assertTrue(output.contains(expected), output);
            assertEquals(1, output.lines().count(), "one line: " + output);
            assertFalse(Files.exists(run), "refused before creating " + run);
            assertTrue(SoakRun.processesMentioning(run.toString()).isEmpty());
        }
    }
}
