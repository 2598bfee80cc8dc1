package dev.leakhunt.target.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The two ports of one clean lab service: what each serves, what each refuses, where each listens. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPortIT {
    private static final List<String> ADMIN_PATHS = List.of("/metrics", "/debug/threads", "/debug/threads?full",
            "/debug/threads.json", "/debug/heap/histogram", "/debug/heap/dump", "/debug/jfr");
    private static final String PROTOBUF_ACCEPT =
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";

    private final Path dumpDir = Path.of("target", "it-dumps").toAbsolutePath();
    private final LabClient client = new LabClient();
    private LabProcess downstream;
    private LabProcess target;

    @BeforeAll
    void start() throws Exception {
        downstream = LabProcess.downstream();
        target = LabProcess.target("none", downstream, "--dump-dir=" + dumpDir);
    }

    @AfterAll
    void stop() throws Exception {
        client.close();
        if (target != null) {
            target.close();
        }
        if (downstream != null) {
            downstream.close();
        }
    }

    @Test
    void readyLineNamesBothPortsAndThePid() {
        assertEquals("leakhunt-target", target.readyFields().get("role"));
        assertEquals("none", target.readyFields().get("leak"));
        assertTrue(target.port() > 0 && target.adminPort() > 0 && target.port() != target.adminPort());
    }

    @Test
    void publicPortAnswers404ForEveryAdminPath() throws Exception {
        for (String path : ADMIN_PATHS) {
            HttpResponse<String> response = client.get(target.port(), path);
            assertEquals(404, response.statusCode(), path);
            assertTrue(response.body().startsWith("{\"status\":404,"), path + " answered " + response.body());
        }
    }

    @Test
    void bothPortsListenOnLoopbackOnly() throws Exception {
        Set<String> listening = ProcFs.listeningAddresses(target.pid());
        assertEquals(Set.of("127.0.0.1:" + target.port(), "127.0.0.1:" + target.adminPort()), listening);
    }

    @Test
    void metricsCarryTheNamesOfTheFormatsPage() throws Exception {
        assertEquals(200, client.get(target.port(), "/api/items/42").statusCode());
        HttpResponse<String> metrics = client.get(target.adminPort(), "/metrics");
        assertEquals(200, metrics.statusCode());
        for (String name : List.of(
                "http_server_request_duration_seconds_count{method=\"GET\",route=\"/api/items/{id}\",status=\"200\"}",
                "gc_pause_seconds_bucket{", "cache_size ", "cache_evictions_total ", "cache_hits_total ",
                "cache_misses_total ", "jvm_threads_current ", "process_open_fds ")) {
            assertTrue(metrics.body().contains(name), "missing " + name);
        }
    }

    @Test
    void protobufScrapeGetsTheTextFormat() throws Exception {
        HttpResponse<String> metrics = client.send(LabClient.request(target.adminPort(), "/metrics")
                .header("Accept", PROTOBUF_ACCEPT).GET().build());
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
    }

    @Test
    void errorsAreJsonWithTheirStatus() throws Exception {
        HttpResponse<String> badId = client.get(target.port(), "/api/items/abc");
        assertEquals(400, badId.statusCode());
        assertTrue(badId.body().startsWith("{\"status\":400,"), badId.body());

        HttpResponse<String> tooLarge = client.send(LabClient.request(target.port(), "/api/items/1")
                .PUT(HttpRequest.BodyPublishers.ofString("x".repeat(100_000))).build());
        assertEquals(413, tooLarge.statusCode());
        assertTrue(tooLarge.body().startsWith("{\"status\":413,"), tooLarge.body());

        HttpResponse<String> badBody = client.send(LabClient.request(target.port(), "/api/items/1")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":")).build());
        assertEquals(400, badBody.statusCode());
    }

    @Test
    void groupedThreadDumpPutsTheLargestGroupFirst() throws Exception {
        String grouped = client.get(target.adminPort(), "/debug/threads").body();
        List<Integer> sizes = grouped.lines().skip(1).filter(line -> !line.isEmpty() && !line.startsWith(" "))
                .map(line -> Integer.parseInt(line.substring(0, line.indexOf(' ')))).toList();
        assertTrue(sizes.size() > 1, grouped);
        for (int i = 1; i < sizes.size(); i++) {
            assertTrue(sizes.get(i - 1) >= sizes.get(i), "group sizes out of order: " + sizes);
        }
        assertTrue(client.get(target.adminPort(), "/debug/threads?full").body().contains("\"http-admin"));
    }

    @Test
    void jsonThreadDumpListsThreadContainers() throws Exception {
        HttpResponse<String> json = client.get(target.adminPort(), "/debug/threads.json");
        assertEquals(200, json.statusCode());
        assertTrue(json.body().contains("\"threadDump\"") && json.body().contains("\"threadContainers\""));
    }

    @Test
    void histogramWithoutGcCountsEveryObject() throws Exception {
        String histogram = client.get(target.adminPort(), "/debug/heap/histogram").body();
        assertTrue(histogram.contains("java.lang.String "), histogram.lines().limit(5).toList().toString());
    }

    @Test
    void heapDumpIsWrittenUnderTheDumpFolder() throws Exception {
        Path hprof = Path.of(pathOf(client.get(target.adminPort(), "/debug/heap/dump").body()));
        try {
            assertTrue(hprof.startsWith(dumpDir), hprof.toString());
            byte[] magic = new byte[12];
            try (var in = Files.newInputStream(hprof)) {
                assertEquals(magic.length, in.readNBytes(magic, 0, magic.length));
            }
            assertEquals("JAVA PROFILE", new String(magic, java.nio.charset.StandardCharsets.US_ASCII));
        } finally {
            Files.deleteIfExists(hprof);
        }
    }

    @Test
    void jfrDumpHasThreadStartsWithTheStartersStack() throws Exception {
        assertEquals(200, client.get(target.port(), "/api/downstream?id=3").statusCode());
        Path jfr = Path.of(pathOf(client.get(target.adminPort(), "/debug/jfr").body()));
        try {
            List<RecordedEvent> starts = RecordingFile.readAllEvents(jfr).stream()
                    .filter(event -> event.getEventType().getName().equals("jdk.ThreadStart"))
                    .filter(event -> event.getThread("thread").getJavaName().startsWith("quote-estimator-"))
                    .toList();
            assertTrue(!starts.isEmpty(), "no jdk.ThreadStart of an estimator thread");
            assertTrue(starts.getFirst().getStackTrace().getFrames().stream()
                    .anyMatch(frame -> frame.getMethod().getType().getName().equals("dev.leakhunt.target.leaks.FallbackQuote")));
        } finally {
            Files.deleteIfExists(jfr);
        }
    }

    private static String pathOf(String json) {
        int start = json.indexOf("\"path\":\"") + "\"path\":\"".length();
        return json.substring(start, json.indexOf('"', start));
    }
}
