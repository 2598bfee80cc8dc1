package dev.leakhunt.simulations.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakhunt.simulations.soak.DurationText;
import dev.leakhunt.simulations.soak.SoakCommand;
import dev.leakhunt.simulations.soak.SoakSeries;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code make experiment-<name>}: runs the experiment's soaks one after another (a soak that already finished in
 * its folder is kept), then prints {@code charts.jar findings <name>}'s headline numbers, kept beside the runs as
 * {@code findings-<name>.txt}, and overlays the runs' curves ({@code charts.jar compare}) in {@code compare-<name>/}. Exit 0 when the findings were printed, whatever the soaks showed: a target the
 * memory limit kills ends its soak with exit 3, which is the experiment working.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Run one experiment of src/docs/experiments/ and print its headline numbers.")
public final class ExperimentCommand implements Callable<Integer> {
    /** Outcomes of a soak whose folder holds a whole run: it is reported and not run again. */
    private static final Set<String> FINISHED = Set.of("completed", "target_died", "stopped_on_leak", "stopped_by_guard");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "<experiment>", converter = ExperimentConverter.class,
            description = "memory-limit|gc-growing-heap|cache-vs-leak|fd-exhaustion|fix-and-flatten|returning-memory")
    private Experiment experiment;

    @Option(names = "--duration", description = "every soak's load duration instead of the experiment's, e.g. 2m to"
            + " try it, 12h for fix-and-flatten's long version; its runs go to folders suffixed with it")
    private String duration;

    @Option(names = "--out", description = "the experiments' folder (default: runs/experiments)")
    private Path out;

    @Override
    public Integer call() throws IOException, URISyntaxException, InterruptedException {
        if (duration != null) {
            try {
                DurationText.parse(duration);
            } catch (IllegalArgumentException e) {
                System.err.println("experiment: --duration: " + e.getMessage());
                return 2;
            }
        }
        try (SoakSeries series = SoakSeries.ofThisCheckout()) {
            Path folder = out != null ? out : series.home().resolve("runs").resolve("experiments");
            List<String> runs = new ArrayList<>();
            for (ExperimentSoak soak : experiment.soaks()) {
                if (series.stopping()) {
                    return SoakSeries.EXIT_STOPPED;
                }
                Path run = folder.resolve(soak.folder() + (duration == null ? "" : "-" + duration));
                runs.add(run.toString());
                if (finished(run)) {
                    System.out.println("experiment " + experiment.id() + ": " + run + " holds a finished soak; kept");
                    continue;
                }
                Files.createDirectories(run.getParent());
                Path log = run.resolveSibling(run.getFileName() + ".log");
                System.out.println("experiment " + experiment.id() + ": soak " + String.join(" ", soak.arguments(duration))
                        + " -> " + run + " (log " + log + ")");
                int exit = series.soak(with(soak.arguments(duration), "--run=" + run), log);
                System.out.println("experiment " + experiment.id() + ": the soak exited " + exit);
            }
            if (series.stopping()) {
                return SoakSeries.EXIT_STOPPED;
            }
            String name = experiment.id() + (duration == null ? "" : "-" + duration);
            Path findings = folder.resolve("findings-" + name + ".txt");
            int exit = series.charts(with(List.of("findings", experiment.id()), runs), findings);
            System.out.print(Files.readString(findings));
            if (exit == 0 && runs.size() > 1) {
                Path compare = folder.resolve("compare-" + name);
                exit = series.charts(with(List.of("compare", "--out=" + compare), runs),
                        folder.resolve("compare-" + name + ".log"));
                System.out.println("experiment " + experiment.id() + ": the runs' curves overlaid in "
                        + compare.resolve("index.html") + (exit == 0 ? "" : " (failed, exit " + exit + ")"));
            }
            return exit;
        }
    }

    private static List<String> with(List<String> first, String... more) {
        return with(first, List.of(more));
    }

    private static List<String> with(List<String> first, List<String> more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(more);
        return all;
    }

    private static boolean finished(Path run) throws IOException {
        Path manifest = run.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        JsonNode outcome = JSON.readTree(manifest.toFile()).path("outcome");
        return FINISHED.contains(outcome.asText());
    }

    static final class ExperimentConverter extends SoakCommand.ParsingConverter<Experiment> {
        ExperimentConverter() {
            super(Experiment::parse);
        }
    }
}
