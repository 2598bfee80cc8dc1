package dev.leakhunt.simulations.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The injection timeline: a linear ramp from 0 to the full rate, then constant load (or on/off waves) until the
 * duration is up. The ramp lets a cold target — JIT, pools, caches — warm up under rising load: a cold service hit
 * with the full rate at once can fall behind, and an open-model driver then opens connection after connection
 * until the service spends its time closing them.
 */
public record LoadTimeline(List<Step> steps) {

    public LoadTimeline {
        steps = List.copyOf(steps);
    }

    /** {@code rampUp} (shorter than {@code total}) is carved off the start of the first load period. */
    public static LoadTimeline of(Duration total, Duration rampUp, LoadWaves waves) {
        List<Step> steps = new ArrayList<>();
        boolean ramped = rampUp.isZero();
        for (LoadWaves.Segment segment : waves.segments(total)) {
            if (!segment.load()) {
                steps.add(new Step(Kind.PAUSE, segment.length()));
            } else if (ramped) {
                steps.add(new Step(Kind.CONSTANT, segment.length()));
            } else {
                Duration ramp = segment.length().compareTo(rampUp) < 0 ? segment.length() : rampUp;
                steps.add(new Step(Kind.RAMP, ramp));
                if (segment.length().compareTo(ramp) > 0) {
                    steps.add(new Step(Kind.CONSTANT, segment.length().minus(ramp)));
                }
                ramped = true;
            }
        }
        return new LoadTimeline(steps);
    }

    /** Arrivals the timeline asks for in seconds [fromS, toS) of the injection, at {@code ratePerSecond}. */
    public double arrivals(double ratePerSecond, double fromS, double toS) {
        double arrivals = 0;
        double stepStart = 0;
        for (Step step : steps) {
            double length = step.length().toMillis() / 1000.0;
            double from = Math.max(fromS, stepStart);
            double to = Math.min(toS, stepStart + length);
            if (to > from) {
                arrivals += switch (step.kind()) {
                    case CONSTANT -> ratePerSecond * (to - from);
                    // the rate rises linearly from 0 at the step's start to ratePerSecond at its end
                    case RAMP -> ratePerSecond / length * ((to - stepStart) * (to - stepStart)
                            - (from - stepStart) * (from - stepStart)) / 2;
                    case PAUSE -> 0;
                };
            }
            stepStart += length;
        }
        return arrivals;
    }

    public enum Kind { RAMP, CONSTANT, PAUSE }

    /** A stretch of the timeline. */
    public record Step(Kind kind, Duration length) {}
}
