package dev.leakhunt.charts.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and appends to {@code events.jsonl}. Lines that are not a JSON object with {@code ts_ms} and
 * {@code type} are skipped: the only expected case is the torn last line of a writer that was killed, and one bad
 * line must not cost the report every other event.
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

    /**
     * Appends one event as one line with a single write on a file opened for appending: the sampler and the
     * supervisor append to the same file, and O_APPEND keeps each writer's line whole and after the others'.
     */
    public static void append(Path file, ObjectNode event) throws IOException {
        ByteBuffer line = ByteBuffer.wrap((JSON.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(line);
            if (line.hasRemaining()) {
                throw new IOException(file + ": short write of an event (" + line.remaining() + " bytes left)");
            }
        }
    }

    /** A new event object with its time and type, for {@link #append}. */
    public static ObjectNode event(long tsMs, String type) {
        return JSON.createObjectNode().put("ts_ms", tsMs).put("type", type);
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
