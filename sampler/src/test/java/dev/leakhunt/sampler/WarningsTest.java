package dev.leakhunt.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunt.sampler.out.EventLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarningsTest {

    @Test
    void aSourceFailingTheSameWayIsReportedOnceUntilItRecovers(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("events.jsonl");
        try (EventLog events = new EventLog(file)) {
            Warnings warnings = new Warnings(events);
            for (long ts = 1000; ts <= 5000; ts += 1000) {
                // a target out of fds refuses every row's dump file, each named by its time
                warnings.failed("virtual-threads", ts, new NoSuchFileException("/tmp/threads-" + ts + ".json"));
            }
            warnings.failed("virtual-threads", 6000, new IOException("connection refused"));
            warnings.succeeded("virtual-threads");
            warnings.failed("virtual-threads", 7000, new IOException("connection refused"));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).contains("threads-1000.json"), lines.get(0));
    }
}
