package dev.leakhunt.simulations.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunt.simulations.soak.SoakCommand;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ExperimentTest {

    @Test
    void everySoakOfEveryExperimentIsOneTheSoakCommandAccepts() {
        for (Experiment experiment : Experiment.values()) {
            for (ExperimentSoak soak : experiment.soaks()) {
                CommandLine.ParseResult parsed = new CommandLine(new SoakCommand())
                        .parseArgs(soak.arguments().toArray(String[]::new));
                assertTrue(parsed.hasMatchedOption("--duration"), experiment.id() + " " + soak.folder());
                assertTrue(parsed.hasMatchedOption("--leak"), experiment.id() + " " + soak.folder());
            }
        }
    }

    @Test
    void soaksInOneFolderAreTheSameSoak() {
        Map<String, List<String>> byFolder = new HashMap<>();
        for (Experiment experiment : Experiment.values()) {
            for (ExperimentSoak soak : experiment.soaks()) {
                List<String> earlier = byFolder.putIfAbsent(soak.folder(), soak.arguments());
                assertTrue(earlier == null || earlier.equals(soak.arguments()),
                        soak.folder() + " holds two different soaks: " + earlier + " and " + soak.arguments());
            }
        }
    }

    @Test
    void aDurationReplacesEverySoaksOwn() {
        ExperimentSoak soak = Experiment.FIX_AND_FLATTEN.soaks().getFirst();
        assertEquals(List.of("--leak=none", "--duration=12h"), soak.arguments("12h"));
        assertEquals(soak.arguments(), soak.arguments(null));
    }

    @Test
    void anUnknownExperimentIsRefusedWithTheValidOnes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Experiment.parse("gc"));
        assertEquals("unknown experiment 'gc': valid are memory-limit|gc-growing-heap|cache-vs-leak|fd-exhaustion|"
                + "fix-and-flatten|returning-memory", refused.getMessage());
    }
}
