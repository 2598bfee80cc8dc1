package dev.leakhunt.charts.localize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jdk.jfr.consumer.RecordedObject;

/**
 * The path from a GC root down to a sampled object, as JFR records it in {@code jdk.types.Reference} links
 * (each object names its referrer: the holder object and the field or array slot). Printed root first, e.g.
 * {@code [root: …] → static dev.x.MapLeak.PENDING → ConcurrentHashMap.table → ConcurrentHashMap$Node[] element
 * → ConcurrentHashMap$Node.val → byte[]}. Array indices are left out so that samples held by the same structure
 * print the same path; JDK classes go by their simple name, application classes by their full name.
 */
final class ReferenceChain {

    private static final String ARROW = " → ";
    private static final String CLASS_NAME = "Class Name:";
    /** Deep structures (long linked lists) would print pages; the head and the tail say where it is held. */
    private static final int MAX_LINKS = 12;

    private ReferenceChain() {
    }

    static String describe(RecordedObject sampled, RecordedObject root) {
        List<String> links = new ArrayList<>();
        links.add(shortType(sampled));
        RecordedObject current = sampled;
        while (current != null) {
            RecordedObject reference = current.getValue("referrer");
            if (reference == null) {
                break;
            }
            RecordedObject holder = reference.getValue("object");
            links.add(holderText(holder) + slot(reference));
            current = holder;
        }
        Collections.reverse(links);
        if (links.size() > MAX_LINKS) {
            int tail = MAX_LINKS / 2;
            List<String> shortened = new ArrayList<>(links.subList(0, MAX_LINKS - tail));
            shortened.add("… " + (links.size() - MAX_LINKS) + " more …");
            shortened.addAll(links.subList(links.size() - tail, links.size()));
            links = shortened;
        }
        return rootText(root) + String.join(ARROW, links);
    }

    /** A {@code java.lang.Class} holder is a static field's owner: JFR describes it as "Class Name: …". */
    private static String holderText(RecordedObject holder) {
        String type = RetainedSamples.typeOf(holder);
        String description = holder == null ? null : holder.getString("description");
        if ("java.lang.Class".equals(type) && description != null && description.startsWith(CLASS_NAME)) {
            return "static " + description.substring(CLASS_NAME.length()).strip();
        }
        return shortType(holder);
    }

    private static String shortType(RecordedObject object) {
        String type = RetainedSamples.typeOf(object);
        return Frames.isJdk(type) ? type.substring(type.lastIndexOf('.') + 1) : type;
    }

    private static String slot(RecordedObject reference) {
        RecordedObject field = reference.getValue("field");
        String text = "";
        if (field != null && field.getValue("name") != null) {
            text = "." + field.getString("name");
        } else if (reference.getValue("array") != null) {
            text = " element";
        }
        int skip = reference.getInt("skip");
        return skip > 0 ? text + " (" + skip + " hops)" : text;
    }

    private static String rootText(RecordedObject root) {
        if (root == null) {
            // Also with path-to-gc-roots=true: the JVM bounds the root search in time and skips what it did not reach.
            return "(no path to a GC root recorded) ";
        }
        List<String> parts = new ArrayList<>();
        for (String field : List.of("type", "description")) {
            String value = root.getString(field);
            if (value != null && !value.isBlank()) {
                parts.add(value);
            }
        }
        return "[root: " + String.join(", ", parts) + "]" + ARROW;
    }
}
