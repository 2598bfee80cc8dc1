package dev.leakhunt.simulations.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadTimelineTest {
    @Test
    void theRampIsCarvedOffTheFirstLoadPeriod() {
        LoadTimeline timeline = LoadTimeline.of(Duration.ofSeconds(170), Duration.ofSeconds(30),
                new LoadWaves(Duration.ofSeconds(60), Duration.ofSeconds(30)));
        assertEquals(List.of(
                        new LoadTimeline.Step(LoadTimeline.Kind.RAMP, Duration.ofSeconds(30)),
                        new LoadTimeline.Step(LoadTimeline.Kind.CONSTANT, Duration.ofSeconds(30)),
                        new LoadTimeline.Step(LoadTimeline.Kind.PAUSE, Duration.ofSeconds(30)),
                        new LoadTimeline.Step(LoadTimeline.Kind.CONSTANT, Duration.ofSeconds(60)),
                        new LoadTimeline.Step(LoadTimeline.Kind.PAUSE, Duration.ofSeconds(20))),
                timeline.steps());
    }

    @Test
    void arrivalsIntegrateTheRampAndSkipPauses() {
        LoadTimeline constant = LoadTimeline.of(Duration.ofMinutes(10), Duration.ofSeconds(30), LoadWaves.NONE);
        assertEquals(6_000, constant.arrivals(400, 0, 30), 1e-6, "a ramp to 400/s over 30 s: half of 12,000");
        assertEquals(1_500, constant.arrivals(400, 0, 15), 1e-6, "a quarter of the ramp's area by its middle");
        assertEquals(18_000, constant.arrivals(400, 0, 60), 1e-6);
        assertEquals(24_000, constant.arrivals(400, 60, 120), 1e-6);
        LoadTimeline waves = LoadTimeline.of(Duration.ofSeconds(180), Duration.ZERO,
                new LoadWaves(Duration.ofSeconds(60), Duration.ofSeconds(60)));
        assertEquals(0, waves.arrivals(100, 60, 120), 1e-6);
        assertEquals(9_000, waves.arrivals(100, 30, 180), 1e-6);
    }
}
