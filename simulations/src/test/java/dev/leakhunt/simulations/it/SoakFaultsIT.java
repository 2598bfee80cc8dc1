package dev.leakhunt.simulations.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Faults in the middle of a lab soak: Ctrl-C at the supervisor, a killed target, a killed target restarted. */
@ExtendWith(SiblingJars.class)
class SoakFaultsIT {
    private static final Duration START_LIMIT = Duration.ofMinutes(2);

    @TempDir
    Path folder;

    /** A lab soak with a clean target at 20 requests/s for up to 10 minutes, once its load and sampling run. */
    private static SoakRun startedLabSoak(Path run, String... extra) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--leak=none", "--duration=10m", "--rate=20",
                "--accel=1"));
        arguments.addAll(List.of(extra));
        SoakRun soak = SoakRun.start(run, arguments.toArray(String[]::new));
        try {
            soak.awaitCondition("load and a first sample", START_LIMIT,
                    () -> SoakRun.hasSampleRow(run) && eventTypesOrNone(run).contains("load_start"));
            return soak;
        } catch (Throwable e) {
            soak.close();
            throw e;
        }
    }

    @Test
    void ctrlCStopsEveryProcessAndLeavesAReportableFolder() throws Exception {
        Path run = folder.resolve("interrupted-run");
        try (SoakRun soak = startedLabSoak(run)) {
            soak.signal("INT");
            int code = soak.awaitExit(Duration.ofSeconds(90));

            assertEquals(130, code, soak.diagnostics());
            JsonNode manifest = SoakRun.manifest(run);
            assertEquals("interrupted", manifest.path("outcome").asText(), soak.diagnostics());
            for (String role : List.of("downstream", "target", "sampler", "gatling")) {
                String endedBy = manifest.path("processes").path(role).path("ended_by").asText();
                assertTrue(endedBy.equals("stopped") || endedBy.equals("killed"), role + " ended " + endedBy);
            }
            assertTrue(manifest.path("ended_ms").asLong() >= manifest.path("started_ms").asLong());
            assertTrue(SoakRun.hasSampleRow(run), "samples.csv keeps its rows");
            assertTrue(eventTypes(run).containsAll(List.of("target_start", "load_start", "load_end")), eventTypes(run).toString());
            if (manifest.path("processes").path("target").path("ended_by").asText().equals("stopped")) {
                assertFalse(Files.exists(run.resolve("jfr")), "a target that exits deletes its JFR repository");
            }
            SoakRun.assertNothingLeftRunning(run);
        }
    }

    @Test
    void aKilledTargetEndsTheSoakWithItsDeathRecorded() throws Exception {
        Path run = folder.resolve("target-killed-run");
        try (SoakRun soak = startedLabSoak(run)) {
            long targetPid = SoakRun.manifest(run).path("processes").path("target").path("pid").asLong();
            Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(targetPid)).inheritIO().start();
            assertEquals(0, kill.waitFor());
            long killedMs = System.currentTimeMillis();
            int code = soak.awaitExit(Duration.ofMinutes(3));

            assertEquals(3, code, soak.diagnostics());
            assertTheChunksLeftAreOneRecording(run, targetPid, killedMs);
            assertTrue(soak.output().contains("the target (pid " + targetPid + ") died with exit code 137 (signal 9)"),
                    soak.diagnostics());
            JsonNode manifest = SoakRun.manifest(run);
            assertEquals("target_died", manifest.path("outcome").asText());
            JsonNode target = manifest.path("processes").path("target");
            assertEquals("exited", target.path("ended_by").asText());
            assertEquals(9, target.path("signal").asInt());
            JsonNode death = events(run).stream().filter(event -> event.path("type").asText().equals("target_exit")
                    && event.path("pid").asLong() == targetPid && event.has("exit_code")).findFirst().orElseThrow(
                    () -> new AssertionError("no target_exit event with an exit code for " + targetPid));
            assertEquals(137, death.path("exit_code").asInt());
            SoakRun.assertNothingLeftRunning(run);
        }
    }

    @Test
    void aSamplerThatDiesWhileTheTargetRunsFailsTheSoak() throws Exception {
        Path run = folder.resolve("sampler-killed-run");
        try (SoakRun soak = startedLabSoak(run)) {
            long samplerPid = SoakRun.manifest(run).path("processes").path("sampler").path("pid").asLong();
            Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(samplerPid)).inheritIO().start();
            assertEquals(0, kill.waitFor());
            int code = soak.awaitExit(Duration.ofMinutes(3));

            assertEquals(1, code, soak.diagnostics());
            JsonNode manifest = SoakRun.manifest(run);
            assertEquals("failed", manifest.path("outcome").asText());
            assertTrue(manifest.path("message").asText().startsWith("the sampler exited with code 137 while the target ran"),
                    manifest.path("message").asText());
            SoakRun.assertNothingLeftRunning(run);
        }
    }

    @Test
    void withRestartADeadTargetIsRestartedAndSampledAgainUntilSigterm() throws Exception {
        Path run = folder.resolve("restart-run");
        try (SoakRun soak = startedLabSoak(run, "--restart=1")) {
            long firstPid = SoakRun.manifest(run).path("processes").path("target").path("pid").asLong();
            Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(firstPid)).inheritIO().start();
            assertEquals(0, kill.waitFor());
            soak.awaitCondition("a restarted target that is sampled", START_LIMIT,
                    () -> restartedAndSampled(run, firstPid));
            soak.signal("TERM");
            int code = soak.awaitExit(Duration.ofSeconds(90));

            assertEquals(143, code, soak.diagnostics());
            JsonNode target = SoakRun.manifest(run).path("processes").path("target");
            assertTrue(target.path("pid").asLong() != firstPid);
            assertEquals("stopped", target.path("ended_by").asText());
            JsonNode first = target.path("restarts").get(0);
            assertEquals(firstPid, first.path("pid").asLong());
            assertEquals(9, first.path("signal").asInt());
            assertEquals("interrupted", SoakRun.manifest(run).path("outcome").asText());
            assertEquals(List.of(firstPid), events(run).stream()
                    .filter(event -> event.path("type").asText().equals("jfr_assembled"))
                    .map(event -> event.path("pid").asLong()).toList(), "only the killed target left chunks");
            SoakRun.assertNothingLeftRunning(run);
        }
    }

    /**
     * The killed target's JFR chunks, assembled into {@code jfr/target-<pid>.jfr}, read to within seconds of the kill: the
     * sampler's event stream has the target flush its recording every second.
     */
    private static void assertTheChunksLeftAreOneRecording(Path run, long targetPid, long killedMs) throws IOException {
        JsonNode assembled = events(run).stream().filter(event -> event.path("type").asText().equals("jfr_assembled"))
                .findFirst().orElseThrow(() -> new AssertionError("no jfr_assembled event"));
        assertEquals(targetPid, assembled.path("pid").asLong());
        Path recording = run.resolve(assembled.path("file").asText());
        assertEquals(run.resolve("jfr").resolve("target-" + targetPid + ".jfr"), recording);
        try (Stream<Path> left = Files.list(run.resolve("jfr"))) {
            assertEquals(List.of(recording), left.toList(), "the chunk folder is gone once assembled");
        }
        long endMs = assembled.path("end_ms").asLong();
        assertTrue(endMs > killedMs - 5_000 && endMs <= killedMs, "the recording ends " + (killedMs - endMs)
                + " ms before the kill");
        long latestEventMs = RecordingFile.readAllEvents(recording).stream()
                .mapToLong(event -> event.getEndTime().toEpochMilli()).max().orElseThrow();
        assertTrue(latestEventMs > killedMs - 5_000, "the chunk the target was writing is read too: the latest event "
                + (killedMs - latestEventMs) + " ms before the kill");
    }

    /** A target_start with restart 1, and a sample row taken after it. */
    private static boolean restartedAndSampled(Path run, long firstPid) {
        try {
            long restartedMs = events(run).stream()
                    .filter(e -> e.path("type").asText().equals("target_start") && e.path("restart").asInt() == 1)
                    .mapToLong(e -> e.path("ts_ms").asLong()).findFirst().orElse(Long.MAX_VALUE);
            List<String> rows = Files.readAllLines(run.resolve("samples.csv"));
            String last = rows.get(rows.size() - 1);
            return last.matches("\\d+,.*") && Long.parseLong(last.substring(0, last.indexOf(','))) > restartedMs;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static List<JsonNode> events(Path run) throws IOException {
        ObjectMapper json = new ObjectMapper();
        return Files.readAllLines(run.resolve("events.jsonl")).stream().map(line -> {
            try {
                return json.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("bad event line " + line, e);
            }
        }).toList();
    }

    private static List<String> eventTypesOrNone(Path run) {
        try {
            return eventTypes(run);
        } catch (IOException | AssertionError e) {
            return List.of();
        }
    }

    private static List<String> eventTypes(Path run) throws IOException {
        return events(run).stream().map(event -> event.path("type").asText()).toList();
    }
}
