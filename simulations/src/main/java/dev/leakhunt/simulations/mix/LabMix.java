package dev.leakhunt.simulations.mix;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lab target's request mix: reads through its cache (a hot key space that stays cached, and a cold one large
 * enough to keep missing and to churn the bounded cache), writes, and calls that go through to the downstream.
 *
 * @param readPercent       share of reads, in percent of all requests
 * @param writePercent      share of writes
 * @param downstreamPercent share of downstream calls
 * @param hotKeys           size of the key space reads hit (item ids 1 … hotKeys); writes go there too
 * @param coldKeys          size of the key space reads miss (the ids after the hot ones)
 * @param hitPercent        share of reads that go to the hot key space, in percent of reads
 */
public record LabMix(int readPercent, int writePercent, int downstreamPercent, long hotKeys, long coldKeys,
                     int hitPercent) {

    /** The target's item ids start at 1. */
    private static final long FIRST_ID = 1;

    public LabMix {
        if (readPercent < 0 || writePercent < 0 || downstreamPercent < 0
                || readPercent + writePercent + downstreamPercent != 100) {
            throw new IllegalArgumentException("read, write and downstream percentages must be non-negative and add up"
                    + " to 100, were " + readPercent + "+" + writePercent + "+" + downstreamPercent);
        }
        if (hitPercent < 0 || hitPercent > 100) {
            throw new IllegalArgumentException("hit percentage must be within 0..100, was " + hitPercent);
        }
        if (hotKeys <= 0 || coldKeys <= 0) {
            throw new IllegalArgumentException("hot and cold key spaces must be positive, were " + hotKeys
                    + " and " + coldKeys);
        }
    }

    /**
     * 70 % reads, 20 % writes, 10 % downstream calls. Half the reads go to 1,000 hot items; the other half spread
     * over the rest of the target's 1,000,000 item ids, so a 20,000-entry cache fills in about 2.6 minutes at
     * 400 requests/s ({@link #cacheFillTime}), then plateaus and evicts: the warm-up a leak verdict must not
     * mistake for a leak.
     */
    public static LabMix defaults() {
        return new LabMix(70, 20, 10, 1_000, 999_000, 50);
    }

    /**
     * How long after the load starts the target's cache of {@code entries} takes to fill: every cold read misses
     * and inserts (the cold key space is so much larger than the cache that repeats stay rare until it is full),
     * and the rate rises linearly over the ramp, which therefore counts for half its length.
     */
    public Duration cacheFillTime(long entries, double arrivalsPerSecond, Duration ramp) {
        double insertsPerSecond = arrivalsPerSecond * readPercent * (100 - hitPercent) / 10_000.0;
        if (insertsPerSecond <= 0) {
            return Duration.ZERO;
        }
        return ramp.dividedBy(2).plusMillis((long) Math.ceil(entries / insertsPerSecond * 1000));
    }

    public RequestMix toRequestMix() {
        // Weights in parts per 10,000 so that a percentage of a percentage stays an integer.
        List<RequestTemplate> requests = new ArrayList<>();
        long readHits = (long) readPercent * hitPercent;
        long readMisses = (long) readPercent * (100 - hitPercent);
        addIfWeighted(requests, readHits, "read hit", "GET", "/api/items/{key}", null, FIRST_ID, hotKeys);
        addIfWeighted(requests, readMisses, "read miss", "GET", "/api/items/{key}", null, FIRST_ID + hotKeys, coldKeys);
        addIfWeighted(requests, writePercent * 100L, "write", "PUT", "/api/items/{key}",
                "{\"name\":\"item {key}, written by arrival {slot}\",\"priceCents\":{key}}", FIRST_ID, hotKeys);
        addIfWeighted(requests, downstreamPercent * 100L, "downstream", "GET", "/api/downstream", null, 0, 1);
        return new RequestMix(requests);
    }

    private static void addIfWeighted(List<RequestTemplate> requests, long weight, String name, String method,
                                      String path, String body, long keyFrom, long keyCount) {
        if (weight > 0) {
            // A write names its request so that a retry is answered from the target's receipts, not written twice.
            Map<String, String> headers = body == null ? Map.of()
                    : Map.of("Content-Type", "application/json", "X-Request-Id", "arrival-{slot}");
            requests.add(new RequestTemplate(name, weight, method, path, headers, body, 200, keyFrom, keyCount));
        }
    }
}
