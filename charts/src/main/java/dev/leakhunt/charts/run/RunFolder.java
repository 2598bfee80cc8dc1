package dev.leakhunt.charts.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a run folder (formats.md) holds right now. Every piece is optional: a run still going, a run whose
 * sampler died, or a folder copied without its profiles must still be reportable, so a piece that is absent or
 * unreadable becomes a line in {@link #missing()} that the report prints instead of failing.
 */
public record RunFolder(
        Path dir,
        Optional<Manifest> manifest,
        Optional<Samples> samples,
        List<RunEvent> events,
        List<ProfileCapture> profiles,
        List<String> missing) {

    public static final String SAMPLES = "samples.csv";
    public static final String EVENTS = "events.jsonl";
    public static final String MANIFEST = "manifest.json";
    public static final String PROFILES = "profiles";
    public static final String GATLING_LOG = "gatling/simulation.log";
    public static final String GATLING_REPORT = "gatling/index.html";

    public static RunFolder open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a run folder (no such directory)");
        }
        List<String> missing = new ArrayList<>();
        Optional<Manifest> manifest = readPiece(dir.resolve(MANIFEST), Manifest::read, missing);
        Optional<Samples> samples = readPiece(dir.resolve(SAMPLES), SamplesCsv::read, missing);
        List<RunEvent> events = readPiece(dir.resolve(EVENTS), EventsJsonl::read, missing).orElse(List.of());
        List<ProfileCapture> profiles = readPiece(dir.resolve(PROFILES), ProfileCapture::list, missing)
                .orElse(List.of());
        if (profiles.isEmpty() && Files.isDirectory(dir.resolve(PROFILES))) {
            missing.add(PROFILES + "/: no complete capture yet (a capture counts once its 'done' marker exists)");
        }
        if (!Files.isRegularFile(dir.resolve(GATLING_LOG))) {
            missing.add(GATLING_LOG + ": absent, so no driver-side latency or request rate");
        }
        return new RunFolder(dir, manifest, samples, events, profiles, List.copyOf(missing));
    }

    public String name() {
        return manifest.flatMap(Manifest::runId).orElse(dir.toAbsolutePath().normalize().getFileName().toString());
    }

    /** Time zero of the curves: the supervisor's start, else the first sample, else the first event. */
    public OptionalLong startMs() {
        OptionalLong started = manifest.map(Manifest::startedMs).orElse(OptionalLong.empty());
        if (started.isPresent()) {
            return started;
        }
        if (samples.isPresent() && samples.get().size() > 0) {
            return OptionalLong.of(samples.get().tsMs()[0]);
        }
        return events.isEmpty() ? OptionalLong.empty() : OptionalLong.of(events.getFirst().tsMs());
    }

    public Path gatlingLog() {
        return dir.resolve(GATLING_LOG);
    }

    public Optional<ProfileCapture> profileAt(long tsMs) {
        return profiles.stream().filter(p -> p.tsMs() == tsMs).findFirst();
    }

    private interface Reader<T> {
        T read(Path file) throws IOException;
    }

    private static <T> Optional<T> readPiece(Path file, Reader<T> reader, List<String> missing) {
        String name = file.getFileName().toString();
        if (!Files.exists(file)) {
            missing.add(name + ": absent");
            return Optional.empty();
        }
        try {
            return Optional.of(reader.read(file));
        } catch (IOException | RuntimeException e) {
            missing.add(name + ": unreadable (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }
}
