package dev.leakhunt.simulations.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * On/off load waves: {@code on} of load, then {@code off} of silence, repeated. Between waves a clean service's
 * threads, fds and live heap return to their baseline; a leak's do not.
 */
public record LoadWaves(Duration on, Duration off) {
    public static final LoadWaves NONE = new LoadWaves(Duration.ZERO, Duration.ZERO);

    public LoadWaves {
        if (on.isNegative() || off.isNegative() || (on.isZero() != off.isZero())) {
            throw new IllegalArgumentException("waves need both an on and an off period (or neither), were "
                    + on.toSeconds() + "s on, " + off.toSeconds() + "s off");
        }
    }

    public boolean enabled() {
        return !on.isZero();
    }

    /**
     * The injection timeline over {@code total}: alternating load and pause segments, the last one cut to fit.
     * Without waves, one load segment.
     */
    public List<Segment> segments(Duration total) {
        List<Segment> segments = new ArrayList<>();
        if (!enabled()) {
            segments.add(new Segment(true, total));
            return segments;
        }
        Duration left = total;
        boolean load = true;
        while (left.isPositive()) {
            Duration length = min(load ? on : off, left);
            segments.add(new Segment(load, length));
            left = left.minus(length);
            load = !load;
        }
        return segments;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A stretch of the timeline: {@code load} true means arrivals at the full rate, false means none. */
    public record Segment(boolean load, Duration length) {}
}
