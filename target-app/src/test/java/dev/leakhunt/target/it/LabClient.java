package dev.leakhunt.target.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** HTTP from the tests to a lab process: single requests, admin figures, and N requests at a fixed concurrency. */
final class LabClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int CONCURRENCY = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(port, path)).header("Accept", "*/*").GET().build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(uri(port, path)).timeout(TIMEOUT);
    }

    /** Sends {@code count} requests, {@link #CONCURRENCY} at a time; returns how many got each status. */
    Map<Integer, Integer> sendAll(int count, IntFunction<HttpRequest> requestNumber)
            throws InterruptedException, ExecutionException {
        AtomicInteger next = new AtomicInteger();
        Map<Integer, Integer> statuses = new TreeMap<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(CONCURRENCY)) {
            List<Future<Map<Integer, Integer>>> results = java.util.stream.IntStream.range(0, CONCURRENCY)
                    .mapToObj(worker -> workers.submit(() -> {
                        Map<Integer, Integer> mine = new TreeMap<>();
                        for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                            int status = send(requestNumber.apply(n)).statusCode();
                            mine.merge(status, 1, Integer::sum);
                        }
                        return mine;
                    }))
                    .toList();
            for (Future<Map<Integer, Integer>> result : results) {
                result.get().forEach((status, n) -> statuses.merge(status, n, Integer::sum));
            }
        }
        return statuses;
    }

    /** Instances of {@code className} on the heap after a forced GC, from the admin port's class histogram. */
    long liveInstances(int adminPort, String className) throws IOException, InterruptedException {
        String histogram = get(adminPort, "/debug/heap/histogram?gc=1").body();
        for (String line : histogram.lines().toList()) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 4 && cols[3].equals(className)) {
                return Long.parseLong(cols[1]);
            }
        }
        return 0;
    }

    /**
     * The value of {@code series} on the admin port's {@code /metrics}: a metric name with its labels as the text
     * format writes them, e.g. {@code jvm_buffer_pool_used_bytes{pool="direct"}}.
     */
    double metric(int adminPort, String series) throws IOException, InterruptedException {
        String metrics = get(adminPort, "/metrics").body();
        for (String line : metrics.lines().toList()) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        throw new IOException("no sample " + series + " on /metrics");
    }

    /**
     * Virtual threads in the admin port's JSON thread dump (ThreadMXBean does not see them) that have every one
     * of {@code frames} on their stack; with no frames, all of them.
     */
    long virtualThreads(int adminPort, String... frames) throws IOException, InterruptedException {
        JsonNode dump = JSON.readTree(get(adminPort, "/debug/threads.json").body()).path("threadDump");
        long count = 0;
        for (JsonNode container : dump.path("threadContainers")) {
            for (JsonNode thread : container.path("threads")) {
                if (thread.path("virtual").asBoolean() && hasFrames(thread.path("stack"), frames)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean hasFrames(JsonNode stack, String... frames) {
        StringBuilder joined = new StringBuilder();
        for (JsonNode frame : stack) {
            joined.append(frame.asText()).append('\n');
        }
        return Arrays.stream(frames).allMatch(frame -> joined.indexOf(frame) >= 0);
    }

    @Override
    public void close() {
        http.close();
    }
}
