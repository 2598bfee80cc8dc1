package dev.leakhunt.charts.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** {@code manifest.json} (formats.md), read as a tree: the report shows what it finds and never requires a field. */
public record Manifest(JsonNode root) {

    public static Manifest read(Path file) throws IOException {
        return new Manifest(new ObjectMapper().readTree(file.toFile()));
    }

    public Optional<String> runId() {
        return text(root.path("run_id"));
    }

    public Optional<String> outcome() {
        return text(root.path("outcome"));
    }

    public Optional<String> leak() {
        return text(root.path("parameters").path("leak"));
    }

    /** 0 or absent means "not yet known" (the supervisor writes 0 before the value exists). */
    public OptionalLong startedMs() {
        long ms = root.path("started_ms").asLong(0);
        return ms > 0 ? OptionalLong.of(ms) : OptionalLong.empty();
    }

    /** Present once the run has ended (the supervisor writes it last). */
    public OptionalLong endedMs() {
        long ms = root.path("ended_ms").asLong(0);
        return ms > 0 ? OptionalLong.of(ms) : OptionalLong.empty();
    }

    /** The target's memory (cgroup) limit the supervisor set, NaN when none was set. */
    public double memoryLimitBytes() {
        long bytes = root.path("parameters").path("memory_limit_bytes").asLong(0);
        return bytes > 0 ? bytes : Double.NaN;
    }

    /** ACCEL: how much faster than real time the run went; 1 when absent or not a number of at least 1. */
    public double accel() {
        JsonNode accel = root.path("parameters").path("accel");
        return accel.isNumber() && accel.asDouble() >= 1 ? accel.asDouble() : 1;
    }

    /** {@code parameters.warmup_s}: the least warm-up the supervisor knows, counted from the load start. */
    public OptionalDouble warmupSeconds() {
        JsonNode warmup = root.path("parameters").path("warmup_s");
        return warmup.isNumber() && warmup.asDouble() >= 0 ? OptionalDouble.of(warmup.asDouble())
                : OptionalDouble.empty();
    }

    private static Optional<String> text(JsonNode node) {
        return node.isValueNode() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }
}
