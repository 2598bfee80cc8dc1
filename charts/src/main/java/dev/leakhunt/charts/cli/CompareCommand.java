package dev.leakhunt.charts.cli;

import dev.leakhunt.charts.report.RunComparison;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", description = "Overlay the curves of two or more runs, aligned on time since start.")
final class CompareCommand implements Callable<Integer> {

    private static final DateTimeFormatter RUN_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "<dir>", description = "output folder (default: runs/compare-<UTC time>)")
    Path outDir;

    @Parameters(arity = "2..*", paramLabel = "<run>", description = "two or more run folders")
    List<Path> runDirs;

    @Override
    public Integer call() throws Exception {
        Path out = outDir != null ? outDir : Path.of("runs", "compare-" + RUN_STAMP.format(Instant.now()));
        Path html = RunComparison.write(runDirs, out);
        spec.commandLine().getOut().println("compare: " + html);
        return 0;
    }
}
