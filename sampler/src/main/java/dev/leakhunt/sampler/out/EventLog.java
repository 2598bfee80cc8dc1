package dev.leakhunt.sampler.out;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Appends to {@code events.jsonl}: one JSON object per line with {@code ts_ms} and {@code type}, flushed per
 * line. The file may be shared with the supervisor, so it is opened for appending.
 */
public final class EventLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;

    public EventLog(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Writes an event; {@code fields} adds the fields of its type. */
    public synchronized void write(long tsMs, String type, Consumer<ObjectNode> fields) {
        ObjectNode event = JSON.createObjectNode();
        event.put("ts_ms", tsMs);
        event.put("type", type);
        fields.accept(event);
        try {
            out.write(JSON.writeValueAsString(event));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            // the run folder is gone or full: the sampler's own log is the last place left to say so
            System.err.println("cannot write event " + type + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
