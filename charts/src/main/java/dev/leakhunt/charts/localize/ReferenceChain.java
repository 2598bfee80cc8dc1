package dev.leakhunt.charts.localize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import jdk.jfr.consumer.RecordedObject;

/**
 * The path from a GC root down to a sampled object, as JFR records it in {@code jdk.types.Reference} links
 * (each object names its referrer: the holder object and the field or array slot). Printed root first, e.g.
 * {@code [root: …] → static dev.x.MapLeak.PENDING → ConcurrentHashMap.table → ConcurrentHashMap$Node[] element
 * → ConcurrentHashMap$Node.val → byte[]}. Array indices are left out so that samples held by the same structure
 * print the same path; JDK classes go by their simple name, application classes by their full name.
 *
 * @param text          the path as printed
 * @param holderClasses the classes of the holders, nearest to the sampled object first; the owner of a static
 *                      field counts as the holder of what the field references
 * @param keeper        the class that keeps the object: {@link #keeper}
 * @param recorded      false when the dump searched no path for the object, or found none: the search stops at
 *                      the recording's cutoff, and without one an object it did not reach is garbage the GC has
 *                      not yet collected
 */
record ReferenceChain(String text, List<String> holderClasses, Optional<String> keeper, boolean recorded) {

    private static final String ARROW = " → ";
    private static final String CLASS_NAME = "Class Name:";
    private static final String NO_PATH = "(no path to a GC root recorded) ";
    /**
     * Deep structures (long linked lists) would print pages; the head says which root, the tail — most of what is
     * printed — which field of which object holds the structure, the links that name the leak.
     */
    private static final int MAX_LINKS = 12;
    private static final int TAIL_LINKS = 9;

    static ReferenceChain of(RecordedObject sampled, RecordedObject root) {
        List<String> links = new ArrayList<>();
        List<String> holders = new ArrayList<>();
        List<String> instanceHolders = new ArrayList<>();
        boolean pastStaticField = false;
        links.add(shortType(sampled));
        RecordedObject current = sampled;
        while (current != null) {
            RecordedObject reference = current.getValue("referrer");
            if (reference == null) {
                break;
            }
            RecordedObject holder = reference.getValue("object");
            links.add(holderText(holder) + slot(reference));
            Optional<String> staticOwner = staticOwner(holder);
            holders.add(staticOwner.orElseGet(() -> RetainedSamples.typeOf(holder)));
            pastStaticField |= staticOwner.isPresent();
            if (!pastStaticField) {
                instanceHolders.add(holders.getLast());
            }
            current = holder;
        }
        Collections.reverse(links);
        if (links.size() > MAX_LINKS) {
            List<String> shortened = new ArrayList<>(links.subList(0, MAX_LINKS - TAIL_LINKS));
            shortened.add("… " + (links.size() - MAX_LINKS) + " more …");
            shortened.addAll(links.subList(links.size() - TAIL_LINKS, links.size()));
            links = shortened;
        }
        return new ReferenceChain(rootText(root) + String.join(ARROW, links), List.copyOf(holders),
                keeper(instanceHolders, holders), root != null);
    }

    /**
     * What keeps an object: the nearest application class among the objects that hold it before the path reaches
     * a static field, else its nearest holder. A {@code String}'s bytes are kept by the record that holds the
     * string, and whether that record's class grew tells a growing structure from a bounded one: the lab's map
     * leak grew {@code String} too, so the strings of a full cache's items passed as held by growth and took the
     * leak's {@code byte[]} growth (cache-vs-leak.md). A static field's owner is no such record: its class does
     * not grow with what the field holds.
     *
     * @param instanceHolders the holders, nearest first, up to the first static field's owner
     * @param holders         all the holders, nearest first
     */
    static Optional<String> keeper(List<String> instanceHolders, List<String> holders) {
        return instanceHolders.stream().filter(Frames::isApplication).findFirst()
                .or(() -> holders.stream().findFirst());
    }

    private static String holderText(RecordedObject holder) {
        return staticOwner(holder).map(owner -> "static " + owner).orElseGet(() -> shortType(holder));
    }

    /** A {@code java.lang.Class} holder is a static field's owner: JFR describes it as "Class Name: …". */
    private static Optional<String> staticOwner(RecordedObject holder) {
        String description = holder == null ? null : holder.getString("description");
        if ("java.lang.Class".equals(RetainedSamples.typeOf(holder)) && description != null
                && description.startsWith(CLASS_NAME)) {
            return Optional.of(description.substring(CLASS_NAME.length()).strip());
        }
        return Optional.empty();
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
            // The recording's cutoff bounds the root search in time; what it did not reach has no root.
            return NO_PATH;
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
