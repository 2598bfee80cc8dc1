package dev.leakhunt.charts.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code events.jsonl}. Lines that are not a JSON object with {@code ts_ms} and {@code type} are skipped:
 * the only expected case is the torn last line of a writer that was killed, and one bad line must not cost
 * the report every other event.
 */
public final class EventsJsonl {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventsJsonl() {
    }

    public static List<RunEvent> read(Path file) throws IOException {
        List<RunEvent> events = new ArrayList<>();
        for (String line : SamplesCsv.completeLines(file)) {
            parse(line).ifPresent(events::add);
        }
        return List.copyOf(events);
    }

    private static java.util.Optional<RunEvent> parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.path("ts_ms").canConvertToLong() || !node.path("type").isTextual()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new RunEvent(node.get("ts_ms").asLong(), node.get("type").asText(), node));
        } catch (JsonProcessingException e) {
            return java.util.Optional.empty();
        }
    }
}
