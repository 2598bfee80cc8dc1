package dev.leakhunt.sampler.jfr;

import dev.leakhunt.sampler.Column;
import dev.leakhunt.sampler.Sample;
import java.util.Optional;

/**
 * Whether the target is about to run out of file descriptors, judged row by row, so that the sampler stops its
 * JFR work in the target first. A JVM whose disk recording cannot create its next chunk file shuts itself down
 * ("An irrecoverable error in Jfr", exit 134): the fd-exhaustion experiment's first run lost its target that way,
 * 30 s after the fd leak reached a 1,024 limit, to the sampler's own event stream, which rotates chunks. Stopping
 * JFR is one rotation more, so it must happen while fds are left: when the fds the target holds, plus three rows'
 * worth of their last rise, plus a reserve, would reach the limit.
 */
public final class FdHeadroom {
    /** Rows of the current rise the stop must come ahead of: the next row may come late, the rise may speed up. */
    private static final int ROWS_AHEAD = 3;
    /** Fds left in any case: the stop's own rotation, the JMX connection's, the dumps in flight. */
    static final long RESERVE = 64;

    private long previousOpen = -1;

    /**
     * The reason to stop JFR now, when this row shows the target close to its limit: empty while there is room,
     * or when the row lacks the fd count or the limit.
     */
    public Optional<String> exhausted(Sample row) {
        Number open = row.get(Column.OPEN_FDS);
        Number limit = row.get(Column.FD_LIMIT);
        if (open == null || limit == null) {
            return Optional.empty();
        }
        long rise = previousOpen < 0 ? 0 : Math.max(0, open.longValue() - previousOpen);
        previousOpen = open.longValue();
        long projected = open.longValue() + ROWS_AHEAD * rise + RESERVE;
        if (projected < limit.longValue()) {
            return Optional.empty();
        }
        return Optional.of("the target holds " + open + " of its " + limit + " fds (+" + rise + " since the last row):"
                + " a JVM that cannot create its next JFR chunk file shuts down, so the sampler's JFR stream and"
                + " heap-evidence dumps stop here (GC pauses and heap.jfr are not recorded from now on)");
    }
}
