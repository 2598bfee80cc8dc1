package dev.leakhunt.sampler.profile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmupBaselineTest {

    private static final long START_MS = 1_795_000_000_000L;
    private static final Duration WARMUP = Duration.ofSeconds(150);

    @TempDir
    Path run;

    @Test
    void withoutASoakWarmupCountsFromTheSamplersStartAndOneCaptureIsTheBaseline() {
        WarmupBaseline baseline = new WarmupBaseline(WARMUP, run, START_MS);

        assertFalse(baseline.isBaseline(START_MS + 149_999));
        assertTrue(baseline.isBaseline(START_MS + 240_000));
        assertFalse(baseline.isBaseline(START_MS + 480_000), "only the first capture after warm-up");
    }

    @Test
    void inASoakWarmupCountsFromTheLoadStart() throws IOException {
        Files.writeString(run.resolve("manifest.json"), "{}");
        Files.writeString(run.resolve("events.jsonl"), "{\"ts_ms\":" + START_MS + ",\"type\":\"sampler_start\"}\n");
        WarmupBaseline baseline = new WarmupBaseline(WARMUP, run, START_MS);

        assertFalse(baseline.isBaseline(START_MS + 600_000), "no load yet: no warm-up has ended");
        long loadStartMs = START_MS + 700_000;
        Files.writeString(run.resolve("events.jsonl"), "{\"ts_ms\":" + loadStartMs
                + ",\"type\":\"load_start\",\"rate_per_s\":400.0}\n{\"ts_ms\":", StandardOpenOption.APPEND);
        assertFalse(baseline.isBaseline(loadStartMs + 149_999));
        assertTrue(baseline.isBaseline(loadStartMs + 150_000));
    }

    @Test
    void noWarmupNoBaseline() {
        WarmupBaseline baseline = new WarmupBaseline(Duration.ZERO, run, START_MS);

        assertFalse(baseline.isBaseline(START_MS + 3_600_000));
    }
}
