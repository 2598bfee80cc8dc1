package dev.leakhunt.sampler.proc;

import java.util.List;

/**
 * Names the JVM gives its garbage-collector threads (as the kernel shows them, cut to 15 characters).
 * Serial GC runs in the "VM Thread", which also does non-GC work, so it is not counted.
 */
public final class GcThreadNames {
    private static final List<String> PREFIXES = List.of(
            "GC Thread#",                                                  // G1 and Parallel workers
            "G1 Main Marker", "G1 Conc#", "G1 Refine#", "G1 Service",    // G1 concurrent threads
            "ZWorker", "ZDriver", "ZDirector", "ZStat", "ZUnmapper", "ZUncommitter",
            "Shenandoah", "ShenandoahGC");

    private GcThreadNames() {
    }

    public static boolean isGc(String comm) {
        for (String prefix : PREFIXES) {
            if (comm.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
