package dev.leakhunt.charts.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leakhunt.charts.run.Manifest;
import dev.leakhunt.charts.run.RunEvent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunContextTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FIRST_ROW_MS = 1_795_000_010_000L;
    private static final long STARTED_MS = FIRST_ROW_MS - 4_000;
    private static final long LOAD_START_MS = FIRST_ROW_MS + 20_000;

    @Test
    void theHintRunsFromTheFirstRowToTheLoadStartPlusTheStatedWarmUp() throws Exception {
        RunContext run = RunContext.of(manifest("\"warmup_s\": 90.5, \"accel\": 6"), List.of(loadStart()),
                FIRST_ROW_MS);
        assertEquals(20_000 + 90_500, run.warmupHintMs());
        assertEquals(6, run.timeScale());
        assertEquals(536_870_912, run.memoryLimitBytes());
    }

    @Test
    void beforeTheLoadStartsTheHintCountsFromTheSupervisorsStart() throws Exception {
        RunContext run = RunContext.of(manifest("\"warmup_s\": 30"), List.of(), FIRST_ROW_MS);
        assertEquals(30_000 - 4_000, run.warmupHintMs());
    }

    @Test
    void withoutAStatedWarmUpTheLoadStartIsTheHintAndWithoutEitherItIsUnknown() throws Exception {
        assertEquals(20_000, RunContext.of(manifest("\"accel\": 2"), List.of(loadStart()), FIRST_ROW_MS)
                .warmupHintMs());
        assertEquals(-1, RunContext.of(manifest("\"accel\": 2"), List.of(), FIRST_ROW_MS).warmupHintMs());
        RunContext bare = RunContext.of(Optional.empty(), List.of(), FIRST_ROW_MS);
        assertEquals(-1, bare.warmupHintMs());
        assertEquals(SeriesContext.REAL_TIME, bare.timeScale());
        assertEquals(Double.NaN, bare.memoryLimitBytes());
    }

    @Test
    void aHintEndingBeforeTheFirstRowIsZero() throws Exception {
        RunEvent early = new RunEvent(FIRST_ROW_MS - 60_000, RunEvent.LOAD_START, JSON.createObjectNode());
        assertEquals(0, RunContext.of(manifest("\"warmup_s\": 10"), List.of(early), FIRST_ROW_MS).warmupHintMs());
    }

    private static Optional<Manifest> manifest(String parameters) throws Exception {
        return Optional.of(new Manifest(JSON.readTree("{\"started_ms\": " + STARTED_MS + ", \"parameters\": {"
                + parameters + ", \"memory_limit_bytes\": 536870912}}")));
    }

    private static RunEvent loadStart() throws Exception {
        return new RunEvent(LOAD_START_MS, RunEvent.LOAD_START, JSON.readTree("{\"rate_per_s\": 1200.0}"));
    }
}
