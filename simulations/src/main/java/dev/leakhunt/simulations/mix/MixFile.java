package dev.leakhunt.simulations.mix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a request mix for a service of your own from JSON:
 *
 * <pre>{@code
 * {"requests": [
 *   {"name": "get user", "weight": 8, "method": "GET", "path": "/users/{key}", "keys": 5000, "status": 200},
 *   {"name": "add note", "weight": 2, "method": "POST", "path": "/notes",
 *    "headers": {"Content-Type": "application/json"}, "body": "{\"user\": {key}, \"n\": {slot}}", "status": 201}
 * ]}
 * }</pre>
 *
 * {@code name}, {@code weight}, {@code method} and {@code path} are required; {@code keys} (size of the key space
 * {@code {key}} is drawn from, default 1), {@code headers}, {@code body} and {@code status} (default 200) are not.
 */
public final class MixFile {
    public static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Set<String> FIELDS =
            Set.of("name", "weight", "method", "path", "keys", "headers", "body", "status");

    private MixFile() {}

    public static RequestMix read(Path file) throws MixFileException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new MixFileException(file, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MixFileException(file, "cannot read it: " + e);
        }
        JsonNode requests = root == null ? null : root.get("requests");
        if (requests == null || !requests.isArray() || requests.isEmpty()) {
            throw new MixFileException(file, "needs a non-empty \"requests\" array");
        }
        List<RequestTemplate> templates = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            templates.add(template(file, "requests[" + i + "]", requests.get(i)));
        }
        return new RequestMix(templates);
    }

    private static RequestTemplate template(Path file, String where, JsonNode node) throws MixFileException {
        if (!node.isObject()) {
            throw new MixFileException(file, where + " must be an object");
        }
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw new MixFileException(file, where + ": unknown field \"" + field + "\"; valid: "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        String name = requiredText(file, where, node, "name");
        long weight = positiveLong(file, where, node, "weight", null);
        String method = requiredText(file, where, node, "method");
        if (!METHODS.contains(method)) {
            throw new MixFileException(file, where + ".method: \"" + method + "\" is not one of "
                    + String.join("|", METHODS.stream().sorted().toList()));
        }
        String path = requiredText(file, where, node, "path");
        if (!path.startsWith("/")) {
            throw new MixFileException(file, where + ".path must start with /, was \"" + path + "\"");
        }
        long keys = positiveLong(file, where, node, "keys", 1L);
        int status = (int) positiveLong(file, where, node, "status", 200L);
        if (status < 100 || status > 599) {
            throw new MixFileException(file, where + ".status must be an HTTP status 100..599, was " + status);
        }
        JsonNode bodyNode = node.get("body");
        if (bodyNode != null && !bodyNode.isTextual()) {
            throw new MixFileException(file, where + ".body must be a string");
        }
        return new RequestTemplate(name, weight, method, path, headers(file, where, node.get("headers")),
                bodyNode == null ? null : bodyNode.asText(), status, 0, keys);
    }

    private static Map<String, String> headers(Path file, String where, JsonNode node) throws MixFileException {
        Map<String, String> headers = new LinkedHashMap<>();
        if (node == null) {
            return headers;
        }
        if (!node.isObject()) {
            throw new MixFileException(file, where + ".headers must be an object of strings");
        }
        for (var fields = node.properties().iterator(); fields.hasNext(); ) {
            var field = fields.next();
            if (!field.getValue().isTextual()) {
                throw new MixFileException(file, where + ".headers." + field.getKey() + " must be a string");
            }
            headers.put(field.getKey(), field.getValue().asText());
        }
        return headers;
    }

    private static String requiredText(Path file, String where, JsonNode node, String field) throws MixFileException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MixFileException(file, where + "." + field + " is required and must be a non-empty string");
        }
        return value.asText();
    }

    private static long positiveLong(Path file, String where, JsonNode node, String field, Long absent)
            throws MixFileException {
        JsonNode value = node.get(field);
        if (value == null && absent != null) {
            return absent;
        }
        if (value == null || !value.canConvertToExactIntegral() || value.asLong() <= 0) {
            throw new MixFileException(file, where + "." + field + " must be a positive integer, was " + value);
        }
        return value.asLong();
    }
}
