package dev.leakhunt.charts.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leakhunt.charts.run.EventsJsonl;
import dev.leakhunt.charts.run.Manifest;
import dev.leakhunt.charts.run.RunEvent;
import dev.leakhunt.charts.run.RunFolder;
import dev.leakhunt.charts.run.Samples;
import dev.leakhunt.charts.run.SamplesTail;
import dev.leakhunt.charts.verdict.LiveVerdict;
import dev.leakhunt.charts.verdict.RunContext;
import dev.leakhunt.charts.verdict.RunSeries;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code charts watch <run>}: the live verdict of a soak (STOP_ON_LEAK). Follows the run's {@code samples.csv}
 * and at every check judges every series on the rows so far, with the contexts the report would use; when a
 * series' leak is confirmed ({@link dev.leakhunt.charts.verdict.LeakOnset}) it appends one {@code leak_confirmed}
 * event to {@code events.jsonl}. Exit codes: {@value #EXIT_LEAK_CONFIRMED} once the leaks {@code --stop-on} asks
 * for are confirmed; 0 when the run has ended ({@code ended_ms} in its manifest) or on SIGTERM/SIGINT; 2 for bad
 * arguments (an unknown series once the header is known); 1 when the folder or its samples cannot be read.
 */
@Command(name = "watch", description = "Judge a running soak's samples at every interval; record each confirmed "
        + "leak in events.jsonl and, with --stop-on, exit " + WatchCommand.EXIT_LEAK_CONFIRMED + " once they leak.")
final class WatchCommand implements Callable<Integer> {

    static final int EXIT_LEAK_CONFIRMED = 10;
    static final int EXIT_USAGE = 2;
    /** Without a {@code sampler_start} event: the sampler's default interval. */
    static final Duration DEFAULT_EVERY = Duration.ofSeconds(5);
    /**
     * The next check waits at least this many times as long as the last one took, which keeps the watch under a
     * tenth of a core whatever the run's length and interval (judging the 39 series of a day at 5 s took ~60 ms
     * on the 2-core machine, see the README).
     */
    static final int CHECK_COST_RATIO = 10;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<run>", description = "the run folder of a soak, running or not")
    Path runDir;

    @Option(names = "--stop-on", paramLabel = "any|<series>[,<series>…]",
            description = "exit " + EXIT_LEAK_CONFIRMED + " once any series (the sampler's own excepted), or all the"
                    + " listed verdict keys, are confirmed leaks; without it the watch only records")
    String stopOn;

    @Option(names = "--every", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "time between checks (default: the sampler's interval from its sampler_start event, else "
                    + "5s)")
    Duration every;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<StopOn> stop;
        try {
            stop = Optional.ofNullable(stopOn).map(StopOn::parse);
        } catch (IllegalArgumentException e) {
            err.println("charts watch: " + e.getMessage());
            return EXIT_USAGE;
        }
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException(runDir + " is not a run folder (no such directory)");
        }
        SamplesTail samples = new SamplesTail(runDir.resolve(RunFolder.SAMPLES));
        LiveVerdict live = new LiveVerdict();
        boolean headerChecked = false;
        try (StopSignals signals = new StopSignals()) {
            out.println("watch: following " + runDir.resolve(RunFolder.SAMPLES) + stop.map(s -> ", stopping once "
                    + (s.any() ? "any series" : "all of " + String.join(", ", s.series())) + " leaks").orElse(""));
            out.flush();
            while (true) {
                long checkStartNs = System.nanoTime();
                Optional<Manifest> manifest = manifest();
                List<RunEvent> events = events();
                int newRows = samples.poll();
                if (!headerChecked && samples.header().isPresent()) {
                    Optional<String> unknown = stop.flatMap(s -> unknownSeries(s, samples.header().get()));
                    if (unknown.isPresent()) {
                        err.println("charts watch: " + unknown.get());
                        return EXIT_USAGE;
                    }
                    headerChecked = true;
                }
                if (newRows > 0) {
                    check(live, samples.samples(), manifest, events, out);
                    if (stop.isPresent() && stop.get().metBy(live.confirmed())) {
                        out.println("watch: stopping, confirmed leaks: " + String.join(", ", live.confirmed()));
                        return EXIT_LEAK_CONFIRMED;
                    }
                }
                if (manifest.map(m -> m.endedMs().isPresent()).orElse(false)) {
                    out.println("watch: the run has ended");
                    return 0;
                }
                long checkMs = (System.nanoTime() - checkStartNs) / 1_000_000;
                if (signals.awaitStop(Math.max(interval(events).toMillis(), CHECK_COST_RATIO * checkMs))) {
                    out.println("watch: stopped by a signal");
                    return 0;
                }
            }
        }
    }

    /** What is wrong with {@code --stop-on} once the header is known: the keys it names that are not series. */
    private Optional<String> unknownSeries(StopOn stop, List<String> header) {
        List<String> valid = StopOn.validKeys(header);
        List<String> unknown = stop.unknown(valid);
        return unknown.isEmpty() ? Optional.empty() : Optional.of("--stop-on names " + String.join(", ", unknown)
                + ", not a series of " + runDir.resolve(RunFolder.SAMPLES) + "; its series are "
                + String.join(", ", valid));
    }

    /** Judges the rows so far and records each leak this check confirmed. */
    private void check(LiveVerdict live, Samples rows, Optional<Manifest> manifest, List<RunEvent> events,
                       PrintWriter out) throws IOException {
        RunSeries series = RunSeries.of(rows, RunContext.of(manifest, events, rows.tsMs()[0]));
        for (LiveVerdict.Confirmed leak : live.check(series)) {
            ObjectNode event = EventsJsonl.event(System.currentTimeMillis(), RunEvent.LEAK_CONFIRMED)
                    .put("series", leak.series())
                    .put("since_ms", leak.sinceMs())
                    .put("slope_per_hour", leak.verdict().slopePerHour())
                    .put("unit", leak.verdict().unit());
            EventsJsonl.append(runDir.resolve(RunFolder.EVENTS), event);
            out.println(String.format(Locale.ROOT, "watch: leak confirmed on %s since %d (%.4g %s/h)", leak.series(),
                    leak.sinceMs(), leak.verdict().slopePerHour(), leak.verdict().unit()));
        }
        out.flush();
    }

    /** {@code --every}, else the sampler's row period as its latest {@code sampler_start} states it, else 5 s. */
    private Duration interval(List<RunEvent> events) {
        if (every != null) {
            return every;
        }
        return events.reversed().stream()
                .filter(e -> RunEvent.SAMPLER_START.equals(e.type()) && e.fields().path("interval_ms").asLong(0) > 0)
                .findFirst()
                .map(e -> Duration.ofMillis(e.fields().path("interval_ms").asLong()))
                .orElse(DEFAULT_EVERY);
    }

    /** The manifest as it is now; absent or unreadable (not written yet) is no manifest yet. */
    private Optional<Manifest> manifest() {
        try {
            return Optional.of(Manifest.read(runDir.resolve(RunFolder.MANIFEST)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private List<RunEvent> events() throws IOException {
        Path file = runDir.resolve(RunFolder.EVENTS);
        return Files.isRegularFile(file) ? EventsJsonl.read(file) : List.of();
    }
}
