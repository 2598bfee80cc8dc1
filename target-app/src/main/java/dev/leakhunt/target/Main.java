package dev.leakhunt.target;

import dev.leakhunt.target.http.PortInUseException;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Starts one role and prints its ready line on stdout once every port is bound; logs go to stderr.
 * Exit status 2 means a bad command line or a port that cannot be bound, with the reason in one line.
 */
public final class Main {
    static final int EXIT_USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        LaunchOptions options = new LaunchOptions();
        CommandLine cli = new CommandLine(options);
        try {
            cli.parseArgs(args);
        } catch (UnmatchedArgumentException e) {
            exitWithUsageError(e.getMessage().lines().findFirst().orElse("unknown argument")
                    + " (valid options: " + optionNames(cli) + ")");
        } catch (ParameterException e) {
            exitWithUsageError(e.getMessage().lines().findFirst().orElse("bad command line"));
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(System.out);
            return;
        }
        if (cli.isVersionHelpRequested()) {
            System.out.println("target-app " + Main.class.getPackage().getImplementationVersion());
            return;
        }
        String conflict = options.conflict();
        if (conflict != null) {
            exitWithUsageError(conflict);
        }
        RunningService service = null;
        try {
            service = switch (options.role()) {
                case TARGET -> TargetService.start(options);
                case DOWNSTREAM -> DownstreamService.start(options);
            };
        } catch (PortInUseException e) {
            exitWithUsageError(e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "shutdown"));
        System.out.println(service.readyLine());
        System.out.flush();
    }

    private static String optionNames(CommandLine cli) {
        return cli.getCommandSpec().options().stream()
                .map(option -> option.longestName())
                .collect(Collectors.joining(", "));
    }

    private static void exitWithUsageError(String line) {
        System.err.println("target-app: " + line);
        System.exit(EXIT_USAGE);
    }
}
