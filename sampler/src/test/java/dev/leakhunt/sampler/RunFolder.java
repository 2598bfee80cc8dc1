package dev.leakhunt.sampler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Reads what the sampler wrote into a run folder, the way a consumer of the formats would. */
record RunFolder(Path dir) {
    private static final ObjectMapper JSON = new ObjectMapper();

    List<String> csvLines() throws IOException {
        Path csv = dir.resolve("samples.csv");
        return Files.exists(csv) ? Files.readAllLines(csv) : List.of();
    }

    /** Complete rows as column → cell; a torn last line is skipped, as readers must. */
    List<Map<String, String>> rows() {
        try {
            List<String> lines = csvLines();
            List<Map<String, String>> rows = new ArrayList<>();
            if (lines.isEmpty()) {
                return rows;
            }
            String[] header = lines.get(0).split(",", -1);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                if (cells.length == header.length) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < header.length; i++) {
                        row.put(header[i], cells[i]);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> events() throws IOException {
        List<JsonNode> events = new ArrayList<>();
        Path file = dir.resolve("events.jsonl");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                events.add(JSON.readTree(line));
            }
        }
        return events;
    }

    /** Polls the rows until one written after {@code afterTsMs} satisfies {@code condition}; returns it. */
    Map<String, String> awaitRow(long afterTsMs, Predicate<Map<String, String>> condition, Duration timeout)
            throws InterruptedException {
        return await(this::rows, row -> Long.parseLong(row.get("ts_ms")) > afterTsMs && condition.test(row),
                timeout, "row");
    }

    /** Polls the events until one satisfies {@code condition}; returns it. */
    JsonNode awaitEvent(Predicate<JsonNode> condition, Duration timeout) throws InterruptedException {
        return await(() -> {
            try {
                return events();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, condition, timeout, "event");
    }

    private static <T> T await(Supplier<List<T>> read, Predicate<T> condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (T item : read.get()) {
                if (condition.test(item)) {
                    return item;
                }
            }
            Thread.sleep(250);
        }
        List<T> items = read.get();
        throw new AssertionError("no " + what + " met the condition within " + timeout + "; last " + what + ": "
                + (items.isEmpty() ? "none" : items.getLast()));
    }

    static long number(Map<String, String> row, String column) {
        String cell = row.get(column);
        return cell == null || cell.isEmpty() ? Long.MIN_VALUE : Long.parseLong(cell);
    }
}
