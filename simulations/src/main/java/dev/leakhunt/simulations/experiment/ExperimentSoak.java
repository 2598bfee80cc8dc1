package dev.leakhunt.simulations.experiment;

import java.util.List;

/**
 * One soak of an experiment.
 *
 * @param folder    its run folder under the experiments' folder ({@code runs/experiments/}), e.g. {@code fd-exhaustion/fd}
 * @param arguments the soak's options, {@code --duration} among them
 */
public record ExperimentSoak(String folder, List<String> arguments) {

    /** The arguments with the duration replaced, for a shorter try or the 12 h version. */
    public List<String> arguments(String duration) {
        return duration == null ? arguments : arguments.stream()
                .map(a -> a.startsWith("--duration=") ? "--duration=" + duration : a).toList();
    }
}
