package dev.leakhunt.simulations.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakhunt.simulations.bench.SimulationLogCounter;
import dev.leakhunt.simulations.fixture.NotesService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A service that is not the lab target, started from TARGET_CMD and driven by a MIX file: driven, sampled, reported. */
@ExtendWith(SiblingJars.class)
class ForeignServiceIT {
    private static final int RATE_PER_S = 30;
    private static final int DURATION_S = 20;

    @TempDir
    Path folder;

    @Test
    void aServiceOfYourOwnIsDrivenSampledAndReported() throws Exception {
        Path mix = folder.resolve("notes-mix.json");
        Files.writeString(mix, """
                {"requests": [
                  {"name": "read note", "weight": 7, "method": "GET", "path": "/notes/{key}", "keys": 100},
                  {"name": "write note", "weight": 3, "method": "PUT", "path": "/notes/{key}", "keys": 100,
                   "headers": {"Content-Type": "text/plain"}, "body": "note {key} by arrival {slot}", "status": 204}
                ]}""");
        int port = freePort();
        String targetCommand = SoakRun.JAVA + " -cp " + SoakRun.HOME.resolve("simulations/target/test-classes")
                + " " + NotesService.class.getName() + " " + port;
        Path run = folder.resolve("notes-run");
        try (SoakRun soak = SoakRun.start(run, "--target-cmd=" + targetCommand,
                "--target-url=http://127.0.0.1:" + port, "--mix=" + mix, "--health-path=/health",
                "--rate=" + RATE_PER_S, "--accel=1", "--duration=" + DURATION_S + "s")) {
            int code = soak.awaitExit(Duration.ofMinutes(4));

            assertEquals(0, code, soak.diagnostics());
            JsonNode manifest = SoakRun.manifest(run);
            assertEquals("completed", manifest.path("outcome").asText());
            assertEquals("stopped", manifest.path("processes").path("target").path("ended_by").asText());
            assertEquals("dev.leakhunt.simulations.MixFileSimulation", manifest.path("parameters").path("simulation").asText());

            List<String> samples = Files.readAllLines(run.resolve("samples.csv"));
            assertTrue(samples.size() >= 3, "a row every 5 s over " + DURATION_S + " s: " + samples.size());
            assertTrue(samples.get(0).startsWith("ts_ms,threads,"), samples.get(0));
            assertTrue(samples.get(samples.size() - 1).split(",", -1)[1].matches("\\d+"),
                    "the sampler reached the service's JVM: " + samples.get(samples.size() - 1));

            SimulationLogCounter.Counts counts = SimulationLogCounter.read(run.resolve("gatling/simulation.log"));
            // a 2 s ramp (a tenth of the run) to 30/s sends 30, then 18 s at 30/s send 540: every arrival one request
            assertEquals(570, counts.requests(), "every arrival sent one request");
            assertEquals(0, counts.failed());
            assertEquals(consoleTotal(Files.readString(run.resolve("logs/gatling.log"))), counts.requests(),
                    "the counter agrees with Gatling's own total");
            assertTrue(Files.exists(run.resolve("gatling/index.html")), "Gatling's HTML report");
            if (Files.exists(SiblingJars.CHARTS)) {
                assertTrue(Files.exists(run.resolve("report.html")), soak.diagnostics());
            }
            SoakRun.assertNothingLeftRunning(run);
        }
    }

    /** The last "> Global | total | OK | KO" line of Gatling's console output. */
    private static long consoleTotal(String gatlingLog) {
        Matcher global = Pattern.compile("(?m)^> Global\\s+\\|\\s*([\\d,]+)").matcher(gatlingLog);
        long total = -1;
        while (global.find()) {
            total = Long.parseLong(global.group(1).replace(",", ""));
        }
        return total;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
