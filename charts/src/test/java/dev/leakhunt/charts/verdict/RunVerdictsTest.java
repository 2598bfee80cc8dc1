package dev.leakhunt.charts.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunt.charts.gatling.LatencyTimeline;
import dev.leakhunt.charts.run.SamplesCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunVerdictsTest {

    private static final long T0_MS = 1_795_000_000_000L;
    private static final int ROWS = 1_440;

    @TempDir
    Path dir;

    @Test
    void judgesEveryResourceColumnAndTheRatesOfCountersWithTheirLimits() throws IOException {
        StringBuilder csv = new StringBuilder(
                "ts_ms,threads,heap_live_bytes,heap_max_bytes,gc_cpu_seconds,open_fds,fd_limit,req_rate_per_s\n");
        SplittableRandom random = new SplittableRandom(41);
        for (int i = 0; i < ROWS; i++) {
            double hours = i * 5 / 3600.0;
            long heap = (long) (200e6 + 50e6 * hours + 1e6 * random.nextGaussian());
            csv.append(T0_MS + i * 5_000L).append(',').append(30 + random.nextInt(2)).append(',')
                    .append(i % 4 == 0 ? "" : Long.toString(heap)).append(",1073741824,")
                    .append(String.format(java.util.Locale.ROOT, "%.3f", 0.02 * 5 * i)).append(',')
                    .append(50 + random.nextInt(3)).append(",1024,")
                    .append(200 + random.nextInt(5)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("samples.csv"), csv);
        LatencyTimeline latency = new LatencyTimeline(T0_MS, 10_000);
        for (int s = 0; s < 7_200; s++) {
            latency.request(List.of(), "r", s * 1_000, s * 1_000 + (s < 3_600 ? 20 : 30), true, "");
        }

        Verdicts verdicts = RunVerdicts.judge(SamplesCsv.read(file), RunContext.UNKNOWN, latency);

        assertEquals(List.of("threads", "heap_live_bytes", "gc_cpu_seconds_per_s", "open_fds", "req_rate_per_s"),
                List.copyOf(verdicts.series().keySet()));
        SeriesVerdict heap = verdicts.series().get("heap_live_bytes");
        assertEquals(Verdict.LEAK, heap.verdict(), heap.reason());
        assertEquals((1073741824 - 300e6) / 50e6, heap.hoursToLimit(), 1.0);
        SeriesVerdict gcCpu = verdicts.series().get("gc_cpu_seconds_per_s");
        assertEquals("s/s", gcCpu.unit());
        assertEquals(0.02, gcCpu.level(), 1e-3);
        assertEquals(Verdict.FLAT, gcCpu.verdict(), gcCpu.reason());
        assertEquals("1/s", verdicts.series().get("req_rate_per_s").unit());
        assertEquals(Verdict.FLAT, verdicts.series().get("open_fds").verdict());

        SloResult drift = slo(verdicts, "live heap mean drift < 5 %");
        assertFalse(drift.pass(), drift.toString());
        SloResult requests = slo(verdicts, "request p99 at the end within 10 % of the start");
        assertEquals(0.5, requests.value(), 1e-12, "20 ms in the first hour, 30 ms in the last");
        assertNull(slo(verdicts, "GC pause p99 < 5 ms").pass(), "no pause column in this run");
        assertTrue(slo(verdicts, "threads bounded ±5 %").pass());
    }

    private static SloResult slo(Verdicts verdicts, String name) {
        return verdicts.slo().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
