package dev.leakhunt.charts.cli;

import dev.leakhunt.charts.report.RunReport;
import dev.leakhunt.charts.report.VerdictSummary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", description = "Write report.html, verdicts.json, charts/*.svg into a run folder "
        + "(works on a run still going and on one missing pieces).")
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<run>", description = "the run folder")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        RunReport.Written written = RunReport.write(runDir);
        var out = spec.commandLine().getOut();
        written.missing().forEach(m -> out.println("missing: " + m));
        written.verdicts().ifPresent(v -> VerdictSummary.lines(v).forEach(out::println));
        out.println("report: " + written.html());
        return 0;
    }
}
