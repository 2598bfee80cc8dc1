package dev.leakhunt.simulations.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LoadWavesTest {
    @Test
    void withoutWavesTheWholeDurationIsLoad() {
        assertEquals(List.of(new LoadWaves.Segment(true, Duration.ofMinutes(10))),
                LoadWaves.NONE.segments(Duration.ofMinutes(10)));
    }

    @Test
    void wavesAlternateAndTheLastOneIsCutToFit() {
        LoadWaves waves = new LoadWaves(Duration.ofSeconds(60), Duration.ofSeconds(30));
        assertEquals(List.of(
                        new LoadWaves.Segment(true, Duration.ofSeconds(60)),
                        new LoadWaves.Segment(false, Duration.ofSeconds(30)),
                        new LoadWaves.Segment(true, Duration.ofSeconds(60)),
                        new LoadWaves.Segment(false, Duration.ofSeconds(20))),
                waves.segments(Duration.ofSeconds(170)));
    }

    @Test
    void aWaveNeedsBothPeriods() {
        assertThrows(IllegalArgumentException.class, () -> new LoadWaves(Duration.ofSeconds(60), Duration.ZERO));
    }

    @Test
    void parametersSurviveTheTripThroughSystemProperties() {
        Properties properties = new Properties();
        properties.setProperty(SimulationParameters.RATE, "150");
        properties.setProperty(SimulationParameters.ACCEL, "4");
        properties.setProperty(SimulationParameters.WAVE_ON_S, "60");
        properties.setProperty(SimulationParameters.WAVE_OFF_S, "30");
        SimulationParameters parameters = SimulationParameters.from(properties);
        assertEquals(600, parameters.arrivalsPerSecond());
        Properties again = new Properties();
        again.putAll(parameters.toProperties());
        assertEquals(parameters, SimulationParameters.from(again));
    }
}
