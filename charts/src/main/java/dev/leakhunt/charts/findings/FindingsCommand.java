package dev.leakhunt.charts.findings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code charts.jar findings <experiment> <run>…}: the experiment's headline numbers from its soaks' run folders. */
@Command(name = "findings", description = "Print an experiment's headline numbers from its soaks' run folders.")
public final class FindingsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<experiment>",
            description = "memory-limit|gc-growing-heap|cache-vs-leak|fd-exhaustion|fix-and-flatten|returning-memory")
    String experiment;

    @Parameters(index = "1..*", paramLabel = "<run>", description = "the soaks' run folders, in the experiment's order")
    List<Path> runDirs = List.of();

    @Override
    public Integer call() throws Exception {
        Findings findings;
        try {
            findings = Findings.of(experiment);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (runDirs.size() != findings.runs().size()) {
            throw new ParameterException(spec.commandLine(), experiment + " reads " + findings.runs().size()
                    + " run folders (" + String.join(", ", findings.runs()) + "), got " + runDirs.size());
        }
        List<ExperimentRun> runs = new ArrayList<>();
        for (Path dir : runDirs) {
            runs.add(ExperimentRun.open(dir));
        }
        spec.commandLine().getOut().print(findings.text().of(runs));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
