package dev.leakhunt.sampler.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A constant-rate loopback load for {@code make bench-sampler} (not the Gatling driver): an open model at
 * {@code rate} requests per second until killed, 70 % item reads over 20,000 ids (so the cache warms), 20 %
 * item writes, 10 % downstream calls. Prints its totals every minute on stderr.
 * <p>
 * {@code java -cp sampler/target/test-classes dev.leakhunt.sampler.bench.ConstantLoad http://127.0.0.1:PORT 100}
 */
public final class ConstantLoad {
    private static final int ITEM_IDS = 20_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final long REPORT_EVERY_MS = Long.getLong("report.every.ms", 60_000);

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2 || !args[0].startsWith("http://127.0.0.1:")) {
            System.err.println("usage: ConstantLoad http://127.0.0.1:<port> <requests per second>");
            System.exit(2);
        }
        String base = args[0];
        int rate = Integer.parseInt(args[1]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        AtomicLong sent = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        clock.scheduleAtFixedRate(() -> {
            long n = sent.getAndIncrement();
            http.sendAsync(request(base, n), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        if (error == null && response.statusCode() < 400) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, error != null ? error.toString() : "HTTP " + response.statusCode());
                        }
                    });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        while (true) {
            Thread.sleep(REPORT_EVERY_MS);
            System.err.printf("load: sent=%d ok=%d failed=%d first failure: %s%n", sent.get(), ok.get(), failed.get(),
                    firstFailure.get());
        }
    }

    /** The n-th request of the fixed mix: a deterministic function of n. */
    private static HttpRequest request(String base, long n) {
        long id = 1 + (n * 7919) % ITEM_IDS;
        int slot = (int) (n % 10);
        HttpRequest.Builder builder;
        if (slot < 7) {
            builder = HttpRequest.newBuilder(URI.create(base + "/api/items/" + id)).GET();
        } else if (slot < 9) {
            String body = "{\"name\":\"item-" + id + "\",\"priceCents\":" + (100 + n % 900) + "}";
            builder = HttpRequest.newBuilder(URI.create(base + "/api/items/" + id))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        } else {
            builder = HttpRequest.newBuilder(URI.create(base + "/api/downstream")).GET();
        }
        return builder.timeout(TIMEOUT).build();
    }
}
