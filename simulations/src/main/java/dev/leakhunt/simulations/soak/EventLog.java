package dev.leakhunt.simulations.soak;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The supervisor's side of {@code events.jsonl}. The sampler appends to the same file, so every event is one
 * {@code write} of a whole line to a file opened for appending: lines from the two writers never interleave.
 */
public final class EventLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public EventLog(Path file) {
        this.file = file;
    }

    /** Appends {@code {"ts_ms": now, "type": type, …fields}}; null field values are left out. */
    public synchronized void append(String type, Map<String, ?> fields) {
        ObjectNode event = JSON.createObjectNode();
        event.put("ts_ms", System.currentTimeMillis());
        event.put("type", type);
        fields.forEach((name, value) -> {
            if (value != null) {
                event.set(name, JSON.valueToTree(value));
            }
        });
        try {
            byte[] line = (JSON.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
            Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + type + " is not serializable", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    /** The series {@code charts watch} has confirmed as leaking so far ({@code leak_confirmed} events), in order. */
    public List<String> confirmedLeaks() throws IOException {
        List<String> series = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                var event = JSON.readTree(line);
                if ("leak_confirmed".equals(event.path("type").asText())) {
                    series.add(event.path("series").asText());
                }
            } catch (JsonProcessingException e) {
                // a line cut short by a killed writer: not ours to judge here
            }
        }
        return series;
    }
}
