package dev.leakhunt.simulations;

import dev.leakhunt.simulations.load.SimulationParameters;
import io.gatling.javaapi.core.Simulation;

/** The lab target under a constant arrival rate: reads (cache hits and misses), writes and downstream calls. */
public class SoakSimulation extends Simulation {
    {
        SimulationParameters parameters = SimulationParameters.from(System.getProperties());
        setUp(MixScenario.population("soak", parameters.labMix().toRequestMix(), parameters))
                .protocols(MixScenario.protocol(parameters))
                .maxDuration(MixScenario.maxDuration(parameters));
    }
}
