package dev.leakhunt.simulations.soak;

import java.util.List;

/**
 * The lab target's heap flags when neither JAVA_OPTS nor MEMORY_LIMIT sizes its heap: fixed and touched at
 * start, as services are run in production, so that G1 never resizes it and RSS carries no first-touch creep (a
 * 10-minute control on the JVM's default 6 GB heap: committed heap +143 MB/h and RSS +187 MB/h, judged leak, as
 * each marking cycle's resize ratcheted the heap up). After a marking cycle G1 leaves dead objects in regions it
 * does not find worth collecting, up to G1HeapWastePercent of the heap (default 5 %): at 1 %, the live heap the
 * sampler measures is within 5 MB of the truth instead of 51 MB on a 1 GB heap (a 20-minute control there: a
 * +6 MB step, judged leak).
 */
public final class LabHeap {
    /**
     * Ten times the warm lab's live heap; the map leak fills it in about an hour at the demo's rate, and ends the
     * service the way it would in production.
     */
    static final String SOAK_SIZE = "512m";

    private LabHeap() {
    }

    /** The flags of a fixed heap of {@code size} ({@code 128m}, {@code 1g}: the JVM's -Xmx syntax). */
    public static List<String> fixed(String size) {
        return List.of("-Xms" + size, "-Xmx" + size, "-XX:+AlwaysPreTouch", "-XX:G1HeapWastePercent=1");
    }
}
