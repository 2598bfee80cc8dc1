package dev.leakhunt.charts.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.leakhunt.charts.gatling.GatlingLatency;
import dev.leakhunt.charts.gatling.GatlingLog;
import dev.leakhunt.charts.gatling.LatencyInterval;
import dev.leakhunt.charts.report.Quantities;
import dev.leakhunt.charts.report.VerdictText;
import dev.leakhunt.charts.run.ProfileCapture;
import dev.leakhunt.charts.run.RunEvent;
import dev.leakhunt.charts.run.RunFolder;
import dev.leakhunt.charts.run.Samples;
import dev.leakhunt.charts.verdict.SeriesVerdict;
import dev.leakhunt.charts.verdict.Verdicts;
import dev.leakhunt.charts.verdict.VerdictsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * One soak of an experiment as its findings read it: the run folder (formats.md), its verdicts and Gatling's
 * requests, with the few reductions the findings need — a column's median or extreme over a span of time, the
 * rate of a cumulative counter, the first row past a threshold. Times are milliseconds since the epoch; spans
 * are half-open, {@code [fromMs, toMs)}; empty cells (values not measured) are left out of every reduction.
 */
final class ExperimentRun {
    /** Gatling's requests are bucketed by this much to find the first failed one. */
    private static final long LATENCY_INTERVAL_MS = 1_000;

    private final RunFolder folder;
    private final Samples samples;
    private final Optional<Verdicts> verdicts;
    private final Optional<GatlingLatency> requests;
    private final long loadStartMs;

    private ExperimentRun(RunFolder folder, Samples samples, Optional<Verdicts> verdicts,
                          Optional<GatlingLatency> requests, long loadStartMs) {
        this.folder = folder;
        this.samples = samples;
        this.verdicts = verdicts;
        this.requests = requests;
        this.loadStartMs = loadStartMs;
    }

    static ExperimentRun open(Path dir) throws IOException {
        RunFolder folder = RunFolder.open(dir);
        Samples samples = folder.samples().orElseThrow(() ->
                new IllegalArgumentException(dir + " has no readable samples.csv: the soak did not get as far as sampling"));
        Path verdictsFile = dir.resolve("verdicts.json");
        Optional<Verdicts> verdicts = Files.isRegularFile(verdictsFile)
                ? Optional.of(VerdictsJson.read(verdictsFile)) : Optional.empty();
        Optional<GatlingLatency> requests = Files.isRegularFile(folder.gatlingLog())
                ? Optional.of(GatlingLog.read(folder.gatlingLog(), LATENCY_INTERVAL_MS)) : Optional.empty();
        long loadStart = folder.events().stream().filter(e -> e.type().equals(RunEvent.LOAD_START))
                .mapToLong(RunEvent::tsMs).findFirst().orElse(samples.tsMs()[0]);
        return new ExperimentRun(folder, samples, verdicts, requests, loadStart);
    }

    /** The soak's folder name, e.g. {@code xmx1g}. */
    String label() {
        return folder.dir().getFileName().toString();
    }

    RunFolder folder() {
        return folder;
    }

    long loadStartMs() {
        return loadStartMs;
    }

    /** When the load reached its full rate: the load start plus the ramp ({@code parameters.ramp_s}). */
    long fullRateMs() {
        return loadStartMs + 1000 * parameter("ramp_s").asLong(0);
    }

    /** A soak parameter as manifest.json records it ({@code parameters.<name>}); a missing node when it is absent. */
    JsonNode parameter(String name) {
        return folder.manifest().map(m -> m.root().path("parameters").path(name)).orElse(MissingNode.getInstance());
    }

    /** The target's JVM flags as the supervisor started it ({@code target.jvm_flags}), space-separated. */
    String jvmFlags() {
        return folder.manifest().map(m -> {
            List<String> flags = new java.util.ArrayList<>();
            m.root().path("target").path("jvm_flags").forEach(flag -> flags.add(flag.asText()));
            return String.join(" ", flags);
        }).orElse("");
    }

    /** The last row's time: where the run's curves end. */
    long endMs() {
        return samples.tsMs()[samples.size() - 1];
    }

    /** {@code +4m10s}: a moment as time after the load start. */
    String sinceLoad(long tsMs) {
        return Quantities.sinceStart(tsMs, loadStartMs);
    }

    /** The median of {@code column} over {@code [fromMs, toMs)}. */
    OptionalDouble median(String column, long fromMs, long toMs) {
        double[] values = values(column, fromMs, toMs).sorted().toArray();
        return values.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(values[(values.length - 1) / 2]);
    }

    OptionalDouble max(String column, long fromMs, long toMs) {
        return values(column, fromMs, toMs).max();
    }

    OptionalDouble min(String column, long fromMs, long toMs) {
        return values(column, fromMs, toMs).min();
    }

    /** The last value of {@code column} at or before {@code atMs}. */
    OptionalDouble last(String column, long atMs) {
        double[] values = column(column);
        long[] ts = samples.tsMs();
        for (int i = ts.length - 1; i >= 0; i--) {
            if (ts[i] <= atMs && !Double.isNaN(values[i])) {
                return OptionalDouble.of(values[i]);
            }
        }
        return OptionalDouble.empty();
    }

    /** A cumulative counter's increase per second over {@code [fromMs, toMs)}: e.g. GC CPU seconds per second. */
    OptionalDouble perSecond(String cumulativeColumn, long fromMs, long toMs) {
        double[] values = column(cumulativeColumn);
        long[] ts = samples.tsMs();
        int first = -1;
        int last = -1;
        for (int i = 0; i < ts.length; i++) {
            if (ts[i] >= fromMs && ts[i] < toMs && !Double.isNaN(values[i])) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        return first < 0 || ts[last] == ts[first] ? OptionalDouble.empty()
                : OptionalDouble.of((values[last] - values[first]) / ((ts[last] - ts[first]) / 1000.0));
    }

    /** The first row, after the load start, at which {@code column} reached {@code threshold}. */
    OptionalLong firstReaching(String column, double threshold) {
        double[] values = column(column);
        long[] ts = samples.tsMs();
        for (int i = 0; i < ts.length; i++) {
            if (ts[i] >= loadStartMs && values[i] >= threshold) {
                return OptionalLong.of(ts[i]);
            }
        }
        return OptionalLong.empty();
    }

    Optional<SeriesVerdict> verdict(String series) {
        return verdicts.map(v -> v.series().get(series));
    }

    /** e.g. {@code leak, +1.31 GiB/h} or {@code flat}; {@code no verdict} when the report has none for it. */
    String verdictText(String series) {
        return verdict(series).map(v -> v.verdict().jsonName()
                        + (Double.isNaN(v.slopePerHour()) ? "" : ", " + VerdictText.perHour(v.slopePerHour(), v.unit())))
                .orElse("no verdict");
    }

    Optional<GatlingLatency> requests() {
        return requests;
    }

    /** The start of the first second in which Gatling saw a request fail. */
    OptionalLong firstFailedRequestMs() {
        return requests.flatMap(r -> r.intervals().stream().filter(i -> i.stats().ko() > 0).findFirst())
                .map(i -> OptionalLong.of(i.startMs())).orElse(OptionalLong.empty());
    }

    /** Requests Gatling sent, and how many failed. */
    record Requests(long failed, long all) {
        /** {@code 12.3 %} of them failed. */
        String failedShare() {
            return Findings.percent((double) failed / Math.max(1, all));
        }
    }

    /** The requests of the seconds from {@code fromMs} on. */
    Requests requestsFrom(long fromMs) {
        List<LatencyInterval> after = requests.map(r -> r.intervals().stream().filter(i -> i.startMs() >= fromMs)
                .toList()).orElse(List.of());
        return new Requests(after.stream().mapToLong(i -> i.stats().ko()).sum(),
                after.stream().mapToLong(i -> i.stats().count()).sum());
    }

    /**
     * The target's death, if one was recorded: the supervisor's event, which knows the exit code, over the
     * sampler's, which can be written first and without it (the sampler is not the target's parent).
     */
    Optional<RunEvent> targetExit() {
        List<RunEvent> exits = folder.events().stream().filter(e -> e.type().equals(RunEvent.TARGET_EXIT)).toList();
        return exits.stream().filter(e -> e.fields().has("exit_code")).findFirst()
                .or(() -> exits.stream().findFirst());
    }

    String outcome() {
        return folder.manifest().flatMap(m -> m.outcome()).orElse("unfinished");
    }

    /** Lines of the target's own log (logs/target.log) that contain {@code text}. */
    long targetLogLines(String text) throws IOException {
        Path log = folder.dir().resolve("logs").resolve("target.log");
        if (!Files.isRegularFile(log)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    /** The profile captures taken at or after {@code fromMs}, oldest first. */
    List<ProfileCapture> capturesFrom(long fromMs) {
        return folder.profiles().stream().filter(p -> p.tsMs() >= fromMs).toList();
    }

    /** The profile captures taken while the load ran (the final one, after it, sees the connections closed). */
    List<ProfileCapture> capturesUnderLoad() {
        long loadEnd = folder.events().stream().filter(e -> e.type().equals(RunEvent.LOAD_END)).mapToLong(RunEvent::tsMs)
                .findFirst().orElse(Long.MAX_VALUE);
        return folder.profiles().stream().filter(p -> p.tsMs() >= loadStartMs && p.tsMs() < loadEnd).toList();
    }

    /**
     * When the load's declared warm-up ended ({@code parameters.warmup_s} after the load start; the load start
     * without it): the sampler takes a heap walk at the first capture after it, meant as a diff's earlier side.
     */
    long declaredWarmupEndMs() {
        JsonNode warmupS = parameter("warmup_s");
        return loadStartMs + (warmupS.isNumber() ? Math.round(warmupS.asDouble() * 1000) : 0);
    }

    /** When the verdicts' evidence starts: the end of warm-up (of the live heap's, the one the findings read). */
    long warmupEndMs() {
        return verdict("heap_live_bytes").map(SeriesVerdict::windowStartMs).filter(ms -> ms > 0)
                .orElse(loadStartMs);
    }

    private java.util.stream.DoubleStream values(String column, long fromMs, long toMs) {
        double[] values = column(column);
        long[] ts = samples.tsMs();
        return java.util.stream.IntStream.range(0, ts.length)
                .filter(i -> ts[i] >= fromMs && ts[i] < toMs && !Double.isNaN(values[i]))
                .mapToDouble(i -> values[i]);
    }

    private double[] column(String name) {
        return samples.column(name).orElseGet(() -> {
            double[] empty = new double[samples.size()];
            Arrays.fill(empty, Double.NaN);
            return empty;
        });
    }
}
