package dev.leakhunt.simulations.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordingFile;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real JVM killed with SIGKILL while a stream reads its recording, as the sampler's does, and what it leaves. */
class JfrLeftoversTest {

    @Test
    void theChunksOfAKilledJvmBecomeOneRecordingReadToItsLastFlush(@TempDir Path tmp) throws Exception {
        Path repository = tmp.resolve("jfr");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:FlightRecorderOptions:repository=" + repository, "-XX:StartFlightRecording",
                "-cp", System.getProperty("java.class.path"), StreamedJvm.class.getName())
                .redirectErrorStream(true).start();
        long killedMs;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line = out.readLine();
            while (line != null && !line.equals("ready")) { // after JFR's start-up log
                line = out.readLine();
            }
            assertEquals("ready", line);
            Thread.sleep(4_000);
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            killedMs = System.currentTimeMillis();
        }
        Path torn = latestChunk(repository);
        IOException unread = assertThrows(IOException.class, () -> RecordingFile.readAllEvents(torn),
                "the JDK cannot read the chunk a killed JVM was writing");
        assertTrue(unread.getMessage().contains("stuck"), unread.getMessage());

        List<JfrLeftovers.Assembled> assembled = JfrLeftovers.assemble(repository);

        assertEquals(1, assembled.size());
        JfrLeftovers.Assembled recording = assembled.getFirst();
        assertEquals(child.pid(), recording.pid());
        assertEquals(repository.resolve("target-" + child.pid() + ".jfr"), recording.file());
        assertEquals(Files.size(recording.file()), recording.bytes());
        long latestEventMs = RecordingFile.readAllEvents(recording.file()).stream()
                .mapToLong(event -> event.getEndTime().toEpochMilli()).max().orElseThrow();
        assertTrue(latestEventMs > killedMs - 3_000, "the torn chunk is read to its last flush: the latest event "
                + (killedMs - latestEventMs) + " ms before the kill");
        long endMs = recording.endMs().orElseThrow();
        assertTrue(endMs >= latestEventMs - 1_000 && endMs <= killedMs, "ends " + (killedMs - endMs) + " ms before");
        try (Stream<Path> left = Files.list(repository)) {
            assertEquals(List.of(recording.file()), left.toList(), "the chunk folder is gone");
        }
    }

    @Test
    void aRepositoryWithoutLeftoversIsRemovedAndAMissingOneIsNothing(@TempDir Path tmp) throws Exception {
        Path repository = Files.createDirectories(tmp.resolve("jfr"));
        assertEquals(List.of(), JfrLeftovers.assemble(repository));
        assertFalse(Files.exists(repository));
        assertEquals(List.of(), JfrLeftovers.assemble(repository));
    }

    private static Path latestChunk(Path repository) throws IOException {
        try (Stream<Path> files = Files.walk(repository)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jfr")).max(Path::compareTo).orElseThrow();
        }
    }

    /** A JVM whose recording a stream reads, so that JFR flushes it every second; it ends by itself after 60 s. */
    static final class StreamedJvm {
        public static void main(String[] args) throws Exception {
            try (RecordingStream stream = new RecordingStream()) {
                stream.enable("jdk.GarbageCollection");
                stream.startAsync();
                System.out.println("ready");
                long endMs = System.currentTimeMillis() + 60_000;
                while (System.currentTimeMillis() < endMs) {
                    Thread.sleep(5);
                    garbage = new byte[1 << 20];
                }
            }
        }

        static volatile byte[] garbage;
    }
}
