package dev.leakhunt.target.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The soak's default request mix (the simulations module's {@code LabMix.defaults()}), drawn from a seed:
 * 70 % {@code GET /api/items/{id}}, half of them on 1,000 hot ids and half spread over the other 999,000 ids
 * (cache misses); 20 % {@code PUT /api/items/{id}} on the hot ids, each with its own {@code X-Request-Id};
 * 10 % {@code GET /api/downstream}.
 */
final class RequestMix {
    static final int READ_PERCENT = 70;
    static final int WRITE_PERCENT = 20;
    static final int HOT_READ_PERCENT = 50;
    static final int HOT_KEYS = 1_000;
    static final int COLD_KEYS = 999_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final SplittableRandom random;
    private final String base;
    private long arrivals;

    RequestMix(int port, long seed) {
        this.random = new SplittableRandom(seed);
        this.base = "http://127.0.0.1:" + port;
    }

    /** Called from the one thread that schedules arrivals. */
    HttpRequest next() {
        long arrival = arrivals++;
        int roll = random.nextInt(100);
        int hotId = 1 + random.nextInt(HOT_KEYS);
        if (roll < READ_PERCENT) {
            int id = random.nextInt(100) < HOT_READ_PERCENT ? hotId : HOT_KEYS + 1 + random.nextInt(COLD_KEYS);
            return request("/api/items/" + id).GET().build();
        }
        if (roll < READ_PERCENT + WRITE_PERCENT) {
            return request("/api/items/" + hotId)
                    .header("Content-Type", "application/json")
                    .header("X-Request-Id", "bench-" + arrival)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"item " + hotId + ", written by arrival "
                            + arrival + "\",\"priceCents\":" + hotId + "}"))
                    .build();
        }
        return request("/api/downstream").GET().build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
    }
}
