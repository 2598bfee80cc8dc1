package dev.leakhunt.sampler;

import dev.leakhunt.sampler.out.EventLog;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns source failures into {@code warning} events without flooding: a source failing the same way every
 * interval is reported once, again when its message changes, and again after it has recovered.
 */
public final class Warnings {
    private final EventLog events;
    private final Map<String, String> lastMessageBySource = new HashMap<>();

    public Warnings(EventLog events) {
        this.events = events;
    }

    public synchronized void failed(String source, long tsMs, Throwable failure) {
        String message = describe(failure);
        if (!message.equals(lastMessageBySource.put(source, message))) {
            events.write(tsMs, "warning", e -> e.put("source", source).put("message", message));
            System.err.println("warning: " + source + ": " + message);
        }
    }

    public synchronized void succeeded(String source) {
        lastMessageBySource.remove(source);
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        String full = root == failure ? text : text + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        return full.replaceAll("\\s+", " ");
    }
}
