package dev.leakhunt.charts.localize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How one group (a site, a class, a thread stack, an fd peer) changed between two profile captures. */
public record Growth<K>(K key, Tally before, Tally after) {

    public long countDelta() {
        return after.count() - before.count();
    }

    public long bytesDelta() {
        return after.bytes() - before.bytes();
    }

    /** Which delta ranks the groups. */
    public enum Ranking {
        /** Exact byte counts (the class histogram): the biggest growth in memory first. */
        BYTES,
        /** Counts first: thread and fd groups have no size. */
        COUNT
    }

    /** The groups that grew, largest growth first. Groups that shrank or stayed are left out: a leak accumulates. */
    public static <K> List<Growth<K>> grown(Map<K, Tally> before, Map<K, Tally> after, Ranking ranking) {
        Set<K> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<Growth<K>> grown = new ArrayList<>();
        for (K key : keys) {
            Growth<K> g = new Growth<>(key, before.getOrDefault(key, Tally.ZERO), after.getOrDefault(key, Tally.ZERO));
            if (g.countDelta() > 0 || g.bytesDelta() > 0) {
                grown.add(g);
            }
        }
        Comparator<Growth<K>> bytes = Comparator.comparingLong(Growth::bytesDelta);
        Comparator<Growth<K>> count = Comparator.comparingLong(Growth::countDelta);
        Comparator<Growth<K>> order = ranking == Ranking.BYTES ? bytes.thenComparing(count) : count.thenComparing(bytes);
        grown.sort(order.reversed().thenComparing(g -> String.valueOf(g.key())));
        return grown;
    }
}
