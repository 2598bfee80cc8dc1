package dev.leakhunt.charts.cli;

import dev.leakhunt.charts.localize.ProfileDiff;
import dev.leakhunt.charts.report.DiffReport;
import dev.leakhunt.charts.run.ProfileCapture;
import dev.leakhunt.charts.run.RunFolder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", description = "Print (and write to <run>/diffs/) what grew between two profile captures.")
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<run>", description = "the run folder")
    Path runDir;

    @Option(names = "--from", required = true, paramLabel = "<ts_ms>", description = "the earlier capture (profiles/<ts_ms>/)")
    long fromMs;

    @Option(names = "--to", required = true, paramLabel = "<ts_ms>", description = "the later capture")
    long toMs;

    @Override
    public Integer call() throws Exception {
        RunFolder run = RunFolder.open(runDir);
        ProfileDiff diff = ProfileDiff.between(capture(run, fromMs), capture(run, toMs));
        String text = DiffReport.text(run, diff);
        Path file = DiffReport.write(run, diff, text);
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().println("\nwritten to " + file);
        return 0;
    }

    private ProfileCapture capture(RunFolder run, long tsMs) {
        return run.profileAt(tsMs).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "no complete capture profiles/" + tsMs + "/ in " + runDir + "; the complete ones are: "
                        + (run.profiles().isEmpty() ? "none" : run.profiles().stream()
                                .map(p -> Long.toString(p.tsMs())).collect(Collectors.joining(", ")))));
    }
}
