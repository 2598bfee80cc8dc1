package dev.leakhunt.sampler;

import dev.leakhunt.sampler.out.EventLog;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns source failures into {@code warning} events without flooding: a source failing the same way every
 * interval is reported once, again when its message changes, and again after it has recovered. Messages that
 * differ only in their numbers (a file named by its time, a count) fail the same way: a target out of fds
 * refused every row's thread dump file, {@code threads-<ts_ms>.json}, and wrote a warning a row.
 */
public final class Warnings {
    private static final Pattern NUMBERS = Pattern.compile("\\d+");

    private final EventLog events;
    private final Map<String, String> lastMessageBySource = new HashMap<>();

    public Warnings(EventLog events) {
        this.events = events;
    }

    public synchronized void failed(String source, long tsMs, Throwable failure) {
        String message = describe(failure);
        String way = NUMBERS.matcher(message).replaceAll("#");
        if (!way.equals(lastMessageBySource.put(source, way))) {
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
