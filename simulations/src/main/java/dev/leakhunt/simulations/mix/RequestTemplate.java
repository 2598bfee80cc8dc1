package dev.leakhunt.simulations.mix;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One kind of request in a mix: sent with probability {@code weight / total weight}. {@code {key}} in the path,
 * a header value or the body becomes a number drawn uniformly from {@code [keyFrom, keyFrom + keyCount)};
 * {@code {slot}} becomes the arrival slot (Gatling's user id), which is unique per request of a run.
 */
public record RequestTemplate(
        String name,
        long weight,
        String method,
        String path,
        Map<String, String> headers,
        String body,
        int expectedStatus,
        long keyFrom,
        long keyCount) {

    public RequestTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = Map.copyOf(headers);
        if (weight <= 0) {
            throw new IllegalArgumentException(name + ": weight must be positive, was " + weight);
        }
        if (keyCount <= 0) {
            throw new IllegalArgumentException(name + ": key count must be positive, was " + keyCount);
        }
    }

    public String path(long key, long slot) {
        return fill(path, key, slot);
    }

    /** The headers with their values' placeholders filled. */
    public Map<String, String> headers(long key, long slot) {
        Map<String, String> filled = new LinkedHashMap<>();
        headers.forEach((name, value) -> filled.put(name, fill(value, key, slot)));
        return filled;
    }

    /** The body with its placeholders filled, or null when the request has none. */
    public String body(long key, long slot) {
        return body == null ? null : fill(body, key, slot);
    }

    private static String fill(String template, long key, long slot) {
        return template.replace("{key}", Long.toString(key)).replace("{slot}", Long.toString(slot));
    }
}
