package dev.leakhunt.charts.localize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a real recording of this JVM: files opened under two methods of this class name both, opener first. */
class DescriptorOpeningsTest {

    private static final int OPENS = 50_000;
    private static final String THIS = DescriptorOpeningsTest.class.getName();

    @TempDir
    Path dir;

    @Test
    void theCodeThatOpensDescriptorsIsNamedOpenerFirstThenItsCallers() throws Exception {
        Path jfr = dir.resolve("openings.jfr");
        Instant from = Instant.now();
        try (Recording recording = new Recording()) {
            // Every TLAB refill sampled: some of them happen inside FileInputStream's constructor.
            recording.enable(HeapRecording.ALLOCATION_SAMPLE).withStackTrace().with("throttle", "off");
            recording.start();
            openAndCloseMany();
            recording.stop();
            recording.dump(jfr);
        }

        List<DescriptorOpenings.Opener> openers = HeapRecording.read(jfr).openings().between(from, Instant.now());

        assertFalse(openers.isEmpty(), "no allocation sample inside an opening call out of " + OPENS + " opens");
        List<String> frames = openers.getFirst().path().frames();
        assertTrue(frames.get(0).startsWith(THIS + ".openOne(DescriptorOpeningsTest.java:"), frames.toString());
        assertTrue(frames.get(1).startsWith(THIS + ".openAndCloseMany(DescriptorOpeningsTest.java:"), frames.toString());
        assertEquals(DescriptorOpenings.FRAMES_PER_PATH, frames.size(), frames.toString());
        assertTrue(HeapRecording.read(jfr).openings().between(from.minusSeconds(3_600), from.minusSeconds(120))
                .isEmpty(), "the window bounds the paths");
    }

    private static void openAndCloseMany() throws IOException {
        for (int i = 0; i < OPENS; i++) {
            openOne().close();
        }
    }

    private static FileInputStream openOne() throws IOException {
        return new FileInputStream("/dev/null");
    }
}
