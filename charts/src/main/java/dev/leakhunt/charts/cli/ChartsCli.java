package dev.leakhunt.charts.cli;

import dev.leakhunt.charts.findings.FindingsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar charts.jar report|compare|diff|watch|findings …}: the report step of a soak (see charts/README.md). */
@Command(name = "charts", mixinStandardHelpOptions = true,
        description = "Curves, verdicts and leak localization for leakhunt run folders.",
        subcommands = {ReportCommand.class, CompareCommand.class, DiffCommand.class, WatchCommand.class,
                FindingsCommand.class})
public final class ChartsCli {

    private ChartsCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new ChartsCli());
        // Failures are reported as one line naming the cause; the stack trace helps nobody running make.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("charts " + commandLine.getCommandName() + ": " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
    }
}
