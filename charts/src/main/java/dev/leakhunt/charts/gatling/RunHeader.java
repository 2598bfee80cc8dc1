package dev.leakhunt.charts.gatling;

import java.util.List;

/**
 * The run record that opens every binary {@code simulation.log}.
 *
 * @param gatlingVersion  the version of the Gatling that wrote the log
 * @param startEpochMs    the run start; every offset in the log is in ms from this instant
 * @param scenarios       scenario names, indexed as user records refer to them
 * @param assertionCount  serialized assertions (kept opaque: they are Gatling's boopickle encoding)
 */
public record RunHeader(String gatlingVersion, String simulationClassName, long startEpochMs, String description,
                        List<String> scenarios, int assertionCount) {

    public RunHeader {
        scenarios = List.copyOf(scenarios);
    }
}
