package dev.leakhunt.sampler.jmx;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JDK's JSON thread dump ({@code Thread.dump_to_file -format=json}):
 * <pre>
 * {"threadDump": {"threadContainers": [{"container": "&lt;root&gt;", "threads": [
 *     {"tid": "3", "name": "main", "state": "RUNNABLE", "stack": ["…"]},
 *     {"tid": "41", "name": "", "state": "WAITING", "virtual": true, "stack": ["…"]}]}, …]}}
 * </pre>
 */
public final class ThreadDumpJson {
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ThreadDumpJson() {
    }

    /** One thread of the dump. */
    public record DumpedThread(String tid, String name, String state, boolean virtual, List<String> stack) {

        /** The name, or {@code #tid} for the unnamed (most virtual threads). */
        public String label() {
            return name.isEmpty() ? "#" + tid : name;
        }
    }

    /** Counts the threads marked {@code "virtual": true}, streaming: a dump can hold a million of them. */
    public static long countVirtual(InputStream json) throws IOException {
        long virtual = 0;
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && "virtual".equals(parser.currentName())
                        && parser.nextToken() == JsonToken.VALUE_TRUE) {
                    virtual++;
                }
            }
        }
        return virtual;
    }

    public static List<DumpedThread> threads(InputStream json) throws IOException {
        List<DumpedThread> threads = new ArrayList<>();
        JsonNode containers = MAPPER.readTree(json).path("threadDump").path("threadContainers");
        for (JsonNode container : containers) {
            for (JsonNode thread : container.path("threads")) {
                List<String> stack = new ArrayList<>();
                thread.path("stack").forEach(frame -> stack.add(frame.asText()));
                threads.add(new DumpedThread(thread.path("tid").asText(), thread.path("name").asText(), thread.path("state").asText("UNKNOWN"),
                        thread.path("virtual").asBoolean(false), stack));
            }
        }
        return threads;
    }
}
