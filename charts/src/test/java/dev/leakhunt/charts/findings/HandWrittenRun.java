package dev.leakhunt.charts.findings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A run folder written row by row in a test: a row every 10 s from {@link #START_MS}, the load starting at the
 * second row, and whatever events and manifest parameters the test needs.
 */
final class HandWrittenRun {
    static final long START_MS = 1_800_000_000_000L;
    static final long ROW_MS = 10_000;
    static final long LOAD_START_MS = START_MS + ROW_MS;

    private HandWrittenRun() {
    }

    /** {@code row.apply(i)} gives row {@code i}'s values after ts_ms, comma-separated, empty for a value not measured. */
    static Path write(Path dir, String columns, int rows, IntFunction<String> row, String parameters,
                      List<String> events) throws IOException {
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("ts_ms,").append(columns).append('\n');
        for (int i = 0; i < rows; i++) {
            csv.append(START_MS + i * ROW_MS).append(',').append(row.apply(i)).append('\n');
        }
        Files.writeString(dir.resolve("samples.csv"), csv);
        StringBuilder jsonl = new StringBuilder("{\"ts_ms\":" + LOAD_START_MS + ",\"type\":\"load_start\"}\n");
        events.forEach(e -> jsonl.append(e).append('\n'));
        Files.writeString(dir.resolve("events.jsonl"), jsonl);
        Files.writeString(dir.resolve("manifest.json"), "{\"run_id\":\"" + dir.getFileName() + "\",\"started_ms\":"
                + START_MS + ",\"outcome\":\"completed\",\"parameters\":{" + parameters + "}}");
        return dir;
    }
}
