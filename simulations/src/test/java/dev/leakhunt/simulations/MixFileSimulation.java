package dev.leakhunt.simulations;

import dev.leakhunt.simulations.load.SimulationParameters;
import dev.leakhunt.simulations.mix.MixFile;
import dev.leakhunt.simulations.mix.MixFileException;
import io.gatling.javaapi.core.Simulation;
import java.nio.file.Path;

/** Any HTTP service under a constant arrival rate, with the request mix of a JSON file (see {@link MixFile}). */
public class MixFileSimulation extends Simulation {
    {
        SimulationParameters parameters = SimulationParameters.from(System.getProperties());
        if (parameters.mixFile() == null) {
            throw new IllegalArgumentException("MixFileSimulation needs -D" + SimulationParameters.MIX_FILE + "=<file>");
        }
        try {
            setUp(MixScenario.population("mix", MixFile.read(Path.of(parameters.mixFile())), parameters))
                    .protocols(MixScenario.protocol(parameters))
                    .maxDuration(MixScenario.maxDuration(parameters));
        } catch (MixFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
