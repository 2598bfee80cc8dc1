package dev.leakhunt.sampler.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * The capture every leak diff starts from: the first one after the target's warm-up. A diff from an earlier capture
 * counts the filling of caches and pools as growth — on the lab's 8 minute demo the cache's fill outranked the
 * planted map — so that capture walks the heap whatever the heap-walk cadence says.
 * <p>
 * Warm-up is counted from the {@code load_start} event of the run's {@code events.jsonl} in a soak's run folder
 * (one with a {@code manifest.json}: the soak starts the sampler before its load), else from the sampler's start.
 */
public final class WarmupBaseline {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANIFEST = "manifest.json";
    private static final String EVENTS = "events.jsonl";

    private final Duration warmup;
    private final Path runDir;
    private final long samplerStartMs;
    private OptionalLong endMs = OptionalLong.empty();
    private boolean taken;

    /** @param warmup zero for none: then no capture is a baseline */
    public WarmupBaseline(Duration warmup, Path runDir, long samplerStartMs) {
        this.warmup = warmup;
        this.runDir = runDir;
        this.samplerStartMs = samplerStartMs;
        this.taken = warmup.isZero();
    }

    /** True for the first capture at or after the end of warm-up, once. */
    public synchronized boolean isBaseline(long captureMs) {
        if (taken) {
            return false;
        }
        if (endMs.isEmpty()) {
            endMs = warmupEndMs();
        }
        taken = endMs.isPresent() && captureMs >= endMs.getAsLong();
        return taken;
    }

    /** Empty while a soak's load has not started. */
    private OptionalLong warmupEndMs() {
        if (!Files.exists(runDir.resolve(MANIFEST))) {
            return OptionalLong.of(samplerStartMs + warmup.toMillis());
        }
        return loadStartMs().stream().map(start -> start + warmup.toMillis()).findFirst();
    }

    private OptionalLong loadStartMs() {
        List<String> lines;
        try {
            lines = Files.readAllLines(runDir.resolve(EVENTS));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            if (line.contains("\"load_start\"")) {
                try {
                    JsonNode event = JSON.readTree(line);
                    if ("load_start".equals(event.path("type").asText())) {
                        return OptionalLong.of(event.path("ts_ms").asLong());
                    }
                } catch (IOException torn) {
                    // a line still being written: the next capture reads it whole
                }
            }
        }
        return OptionalLong.empty();
    }
}
