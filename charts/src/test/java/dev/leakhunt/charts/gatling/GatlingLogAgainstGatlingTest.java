package dev.leakhunt.charts.gatling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs a short real Gatling simulation and holds our reader to what Gatling itself reports for that run.
 *
 * <p>What Gatling reports, and how reliable each figure is (read from gatling-charts 3.15.1's bytecode): counts,
 * min, max, mean and standard deviation are exact functions of the logged response times ({@code end - start}
 * offsets), so they must match ours exactly. Its percentiles are not: they come from a t-digest
 * ({@code AVLTreeDigest}, compression 100) whose centroid merging breaks ties with an <em>unseeded</em>
 * {@code Random}, then are rounded to whole ms — two report builds of the same log can differ by a millisecond.
 * Ours are exact nearest-rank values. So each Gatling percentile must fall inside our exact percentiles one
 * percentile point either side, the rank error a t-digest of compression 100 guarantees (centroids hold at most
 * about {@code 4 n q (1-q) / 100} samples, i.e. 1 % of the ranks at the median, less in the tails), widened by the
 * millisecond of its rounding.
 */
class GatlingLogAgainstGatlingTest {

    private static final double TDIGEST_RANK_TOLERANCE_PERCENT = 1.0;
    /** Gatling rounds a percentile interpolated between centroids to a whole ms (a KO p50: Gatling 41, ours 42). */
    private static final double ROUNDING_MS = 1.0;
    private static final double[] GATLING_PERCENTILES = {50, 75, 95, 99};

    private static Path log;
    private static GatlingSummary gatling;

    @BeforeAll
    static void runGatling() throws Exception {
        Path results = Path.of("target", "gatling-reader-check").toAbsolutePath();
        deleteRecursively(results);
        Files.createDirectories(results);
        try (VariedLatencyServer server = new VariedLatencyServer()) {
            Path run = GatlingProcess.simulate(ReaderCheckSimulation.class, results,
                    List.of("-Dreadercheck.url=" + server.baseUrl()));
            log = run.resolve("simulation.log");
        }
        gatling = new GatlingSummary(GatlingProcess.reportsOnly(log.getParent()));
    }

    @Test
    void countsMinAndMaxEqualGatlings() throws IOException {
        try (GatlingLog reader = GatlingLog.follow(log, LatencyTimeline.DEFAULT_INTERVAL_MS)) {
            GatlingLatency latency = reader.poll();
            LatencyStats total = latency.total();
            assertEquals(gatling.total("request count"), total.count());
            assertEquals(gatling.ok("request count"), total.ok());
            assertEquals(gatling.ko("request count"), total.ko());
            assertTrue(total.ko() > 0, "the simulation must produce failures for the KO column to be tested");
            assertEquals(gatling.total("max response time (ms)"), total.maxMs());
            assertEquals(gatling.total("min response time (ms)"), total.minMs());
            assertEquals(0, latency.progress().tailBytes());
        }
    }

    @Test
    void meanAndDeviationOfEveryStatusEqualGatlings() throws IOException {
        Moments all = new Moments(null);
        Moments ok = new Moments(true);
        Moments ko = new Moments(false);
        try (SimulationLogReader reader = SimulationLogReader.open(log)) {
            reader.readAvailable((groups, name, start, end, isOk, message) -> {
                all.add(end - start, isOk);
                ok.add(end - start, isOk);
                ko.add(end - start, isOk);
            });
        }
        assertEquals(gatling.total("mean response time (ms)"), all.roundedMean());
        assertEquals(gatling.ok("mean response time (ms)"), ok.roundedMean());
        assertEquals(gatling.ko("mean response time (ms)"), ko.roundedMean());
        assertEquals(gatling.total("response time std deviation (ms)"), all.roundedDeviation());
        assertEquals(gatling.ok("response time std deviation (ms)"), ok.roundedDeviation());
        assertEquals(gatling.ko("response time std deviation (ms)"), ko.roundedDeviation());
    }

    @Test
    void gatlingsPercentilesFallWithinTheTdigestRankErrorOfOurExactOnes() throws IOException {
        LatencyCounts all = new LatencyCounts();
        LatencyCounts ok = new LatencyCounts();
        LatencyCounts ko = new LatencyCounts();
        try (SimulationLogReader reader = SimulationLogReader.open(log)) {
            reader.readAvailable((groups, name, start, end, isOk, message) -> {
                all.add(end - start);
                (isOk ? ok : ko).add(end - start);
            });
        }
        for (double p : GATLING_PERCENTILES) {
            String row = "response time %dth percentile (ms)".formatted((int) p);
            assertWithinRankTolerance(gatling.total(row), all, p, "total");
            assertWithinRankTolerance(gatling.ok(row), ok, p, "OK");
            assertWithinRankTolerance(gatling.ko(row), ko, p, "KO");
        }
        GatlingLatency latency = GatlingLog.read(log, LatencyTimeline.DEFAULT_INTERVAL_MS);
        assertEquals(all.percentilesMs(50)[0], latency.total().p50Ms());
        assertEquals(all.percentilesMs(99)[0], latency.total().p99Ms());
    }

    private static void assertWithinRankTolerance(double theirs, LatencyCounts ours, double p, String column) {
        // the rank error, then Gatling's rounding of the interpolated value to a whole ms
        double low = ours.percentilesMs(p - TDIGEST_RANK_TOLERANCE_PERCENT)[0] - ROUNDING_MS;
        double high = ours.percentilesMs(Math.min(100, p + TDIGEST_RANK_TOLERANCE_PERCENT))[0] + ROUNDING_MS;
        assertTrue(low <= theirs && theirs <= high,
                "Gatling %s p%s = %s ms, ours in [%s, %s]".formatted(column, p, theirs, low, high));
    }

    @Test
    void intervalsAreAlignedToTheEpochAndAddUpToTheTotal() throws IOException {
        long intervalMs = 2_000;
        GatlingLatency latency = GatlingLog.read(log, intervalMs);
        assertTrue(latency.intervals().size() >= 3, "a 6 s run spans several 2 s intervals");
        long sum = 0;
        for (LatencyInterval interval : latency.intervals()) {
            assertEquals(0, interval.startMs() % intervalMs);
            assertEquals(intervalMs, interval.endMs() - interval.startMs());
            sum += interval.stats().count();
        }
        assertEquals(latency.total().count(), sum);
        long firstEndEpochMs = latency.header().startEpochMs() + firstRequestEndOffsetMs();
        assertTrue(latency.intervals().getFirst().startMs() <= firstEndEpochMs
                && firstEndEpochMs < latency.intervals().getFirst().endMs());
    }

    @Test
    void ourWriterReproducesGatlingsLogByteForByte() throws IOException {
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        try (SimulationLogReader reader = SimulationLogReader.open(log);
             SimulationLogWriter writer = new SimulationLogWriter(rewritten)) {
            RunHeader header = reader.header();
            assertEquals(0, header.assertionCount());
            writer.run(header.gatlingVersion(), header.simulationClassName(), header.startEpochMs(),
                    header.description(), header.scenarios());
            ReadProgress progress = reader.readAvailable(new RecordSink() {
                @Override
                public void request(List<String> groups, String name, int start, int end, boolean ok, String message) {
                    unchecked(() -> writer.request(groups, name, start, end, ok, message));
                }

                @Override
                public void user(int scenario, boolean start, int offsetMs) {
                    unchecked(() -> writer.user(scenario, start, offsetMs));
                }

                @Override
                public void group(List<String> groups, int start, int end, int cumulatedMs, boolean ok) {
                    unchecked(() -> writer.group(groups, start, end, cumulatedMs, ok));
                }

                @Override
                public void error(String message, int offsetMs) {
                    unchecked(() -> writer.error(message, offsetMs));
                }
            });
            assertTrue(progress.groups() > 0 && progress.users() > 0, "the simulation must log groups and users");
        }
        assertArrayEquals(Files.readAllBytes(log), rewritten.toByteArray());
    }

    @Test
    void aLogCutMidRecordIsReadUpToTheCutAndCompletedWhenItGrows() throws IOException {
        byte[] whole = Files.readAllBytes(log);
        Path growing = log.resolveSibling("growing.log");
        int cut = whole.length * 2 / 3;
        Files.write(growing, java.util.Arrays.copyOf(whole, cut));
        try (GatlingLog follower = GatlingLog.follow(growing, LatencyTimeline.DEFAULT_INTERVAL_MS)) {
            GatlingLatency partial = follower.poll();
            long total = GatlingLog.read(log, LatencyTimeline.DEFAULT_INTERVAL_MS).total().count();
            assertTrue(partial.total().count() > 0 && partial.total().count() < total);
            assertEquals(cut, partial.progress().consumedBytes() + partial.progress().tailBytes());
            Files.write(growing, java.util.Arrays.copyOfRange(whole, cut, whole.length), StandardOpenOption.APPEND);
            GatlingLatency complete = follower.poll();
            assertEquals(total, complete.total().count());
            assertEquals(0, complete.progress().tailBytes());
        }
    }

    private static int firstRequestEndOffsetMs() throws IOException {
        int[] first = {-1};
        try (SimulationLogReader reader = SimulationLogReader.open(log)) {
            reader.readAvailable((groups, name, start, end, ok, message) -> {
                if (first[0] < 0) {
                    first[0] = end;
                }
            });
        }
        return first[0];
    }

    /** Sum and sum of squares as Gatling keeps them, for one status or ({@code null}) all. */
    private static final class Moments {
        private final Boolean status;
        private long count;
        private long sum;
        private long sumOfSquares;

        Moments(Boolean status) {
            this.status = status;
        }

        void add(long latencyMs, boolean ok) {
            if (status == null || status == ok) {
                count++;
                sum += latencyMs;
                sumOfSquares += latencyMs * latencyMs;
            }
        }

        double roundedMean() {
            return Math.round((double) sum / count);
        }

        double roundedDeviation() {
            double mean = (double) sum / count;
            return Math.round(Math.sqrt((double) sumOfSquares / count - mean * mean));
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void unchecked(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
