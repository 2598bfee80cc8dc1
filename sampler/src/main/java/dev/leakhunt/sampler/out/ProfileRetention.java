package dev.leakhunt.sampler.out;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Which profile folders to delete so that at most {@code keep} remain, spread over the whole run: the first and
 * the latest are always kept; while there are too many, the interior folder whose removal leaves the smallest
 * gap between its neighbours goes (the oldest on a tie), taken among the captures without a heap walk while there
 * are any, so that the folders left can be diffed heap against heap. A 24 h run at one profile per 5 min, a heap
 * walk every 6th, {@code keep = 48}, ends with 48 folders about 30 min apart, nearly all with a heap walk, the
 * first and the last included, and never holds more than {@code keep + 1} on disk.
 */
public final class ProfileRetention {
    private final int keep;

    public ProfileRetention(int keep) {
        if (keep < 2) {
            throw new IllegalArgumentException("keep must be at least 2 (the first and the latest profile)");
        }
        this.keep = keep;
    }

    /**
     * @param timestampsMs the folders' times, ascending
     * @param heapWalks    the times of the folders that hold a heap walk
     * @return the times of the folders to delete
     */
    public List<Long> toDelete(List<Long> timestampsMs, Set<Long> heapWalks) {
        List<Long> kept = new ArrayList<>(timestampsMs);
        List<Long> deleted = new ArrayList<>();
        while (kept.size() > keep) {
            int victim = smallestGapAt(kept, i -> !heapWalks.contains(kept.get(i)));
            deleted.add(kept.remove(victim < 0 ? smallestGapAt(kept, i -> true) : victim));
        }
        return deleted;
    }

    /** The interior index among {@code eligible} whose removal leaves the smallest gap, or -1. */
    private static int smallestGapAt(List<Long> kept, IntPredicate eligible) {
        int victim = -1;
        long smallestGap = Long.MAX_VALUE;
        for (int i = 1; i < kept.size() - 1; i++) {
            long gap = kept.get(i + 1) - kept.get(i - 1);
            if (eligible.test(i) && gap < smallestGap) {
                smallestGap = gap;
                victim = i;
            }
        }
        return victim;
    }
}
