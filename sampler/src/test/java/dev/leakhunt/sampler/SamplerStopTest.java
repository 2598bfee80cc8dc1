package dev.leakhunt.sampler;

import static dev.leakhunt.sampler.RunFolder.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.leakhunt.sampler.fixture.LeakFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM ends the sampler cleanly (exit 0, whole rows, a final heap-walk capture, a {@code sampler_stop} event)
 * and leaves nothing in the target: it keeps running without the sampler's JFR recordings. Service figures come
 * from a metrics endpoint served here, whose request count grows 100 per scrape.
 */
class SamplerStopTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void sigtermTakesAFinalHeapWalkFlushesAndLeavesTheTargetAsItWas(@TempDir Path tmp) throws Exception {
        HttpServer metrics = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicLong requests = new AtomicLong();
        metrics.createContext("/metrics", exchange -> respond(exchange, requests.addAndGet(100)));
        metrics.start();
        try (ChildJvm fixture = ChildJvm.start(List.of("-Xmx64m"), LeakFixture.class.getName(), List.of(),
                tmp.resolve("fixture.log"))) {
            fixture.awaitLine("ready", WAIT);
            RunFolder run = new RunFolder(tmp.resolve("run"));
            String url = "http://127.0.0.1:" + metrics.getAddress().getPort() + "/metrics";
            try (ChildJvm sampler = ChildJvm.start(List.of("-Xmx64m"), SamplerCommand.class.getName(),
                    List.of("--pid=" + fixture.pid(), "--out=" + run.dir(), "--interval=500ms", "--profile-every=1h",
                            "--metrics-url=" + url), tmp.resolve("sampler.log"))) {
                Map<String, String> row = run.awaitRow(0, r -> !r.get("req_p99_ms").isEmpty(), WAIT);
                assertEquals(42, number(row, "cache_size"));
                assertEquals(7, number(row, "cache_evictions_total"));
                assertEquals(10.0, Double.parseDouble(row.get("req_p99_ms")), 1e-9,
                        "rank 99 of 100 is the last request of the (5, 10] ms bucket");
                assertTrue(Double.parseDouble(row.get("req_rate_per_s")) > 0);
                // the baseline capture is the only scheduled one in this test (--profile-every=1h)
                run.awaitEvent(e -> e.get("type").asText().equals("profile"), WAIT);

                sampler.process().destroy();
                assertTrue(sampler.process().waitFor(30, TimeUnit.SECONDS), "the sampler stops on SIGTERM");
                assertEquals(0, sampler.process().exitValue());
            }
            List<String> lines = run.csvLines();
            int columns = lines.get(0).split(",", -1).length;
            lines.forEach(line -> assertEquals(columns, line.split(",", -1).length, line));
            List<JsonNode> events = run.events();
            JsonNode last = events.get(events.size() - 1);
            assertEquals("sampler_stop", last.get("type").asText());
            assertEquals("SIGTERM", last.get("reason").asText());
            List<JsonNode> profiles = events.stream().filter(e -> e.get("type").asText().equals("profile")).toList();
            assertEquals(2, profiles.size(), "the baseline and the final capture: " + profiles);
            JsonNode finalCapture = profiles.getLast();
            assertTrue(finalCapture.path("final").asBoolean(), finalCapture.toString());
            assertTrue(finalCapture.get("heap_walk").asBoolean(),
                    "the second capture walks the heap only because it is the final one: " + finalCapture);
            Path folder = run.dir().resolve(finalCapture.get("dir").asText());
            for (String file : List.of("done", "histogram.txt", "heap.jfr")) {
                assertTrue(Files.exists(folder.resolve(file)), folder + " lacks " + file);
            }
            assertTrue(Files.readString(folder.resolve("histogram.txt")).contains("LeakFixture"),
                    "the histogram is the target's");
            assertTrue(fixture.process().isAlive(), "the target outlives its sampler");
            String recordings = jcmd(fixture.pid(), "JFR.check");
            assertFalse(recordings.contains("leakhunt-sampler"), recordings);
            assertFalse(recordings.contains("running"), "no recording left running: " + recordings);
        } finally {
            metrics.stop(0);
        }
    }

    /** 100 requests per scrape: 50 ≤ 5 ms, 49 in (5, 10] ms, 1 in (10, 20] ms. */
    private static void respond(com.sun.net.httpserver.HttpExchange exchange, long total) throws IOException {
        long scrapes = total / 100;
        String body = """
                # TYPE http_server_request_duration_seconds histogram
                http_server_request_duration_seconds_bucket{le="0.005"} %d
                http_server_request_duration_seconds_bucket{le="0.01"} %d
                http_server_request_duration_seconds_bucket{le="0.02"} %d
                http_server_request_duration_seconds_bucket{le="+Inf"} %d
                http_server_request_duration_seconds_count %d
                cache_size 42
                cache_evictions_total 7
                """.formatted(50 * scrapes, 99 * scrapes, 100 * scrapes, 100 * scrapes, 100 * scrapes);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(jcmd.waitFor(30, TimeUnit.SECONDS));
        return out;
    }
}
