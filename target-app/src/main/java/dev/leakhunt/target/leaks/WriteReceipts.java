package dev.leakhunt.target.leaks;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Makes writes idempotent: the answer to each write is kept under its request id, so a client that retries a
 * write (same {@code X-Request-Id}) gets the first answer back instead of writing twice.
 * Planted leak {@code map}: per request ≈1.5 KB of heap that is never freed.
 */
public final class WriteReceipts {
    /** How long a client may take to retry, divided by the run's acceleration. */
    static final Duration RETRY_WINDOW = Duration.ofMinutes(2);
    /** The fixed twin's bound: at most this many receipts, whatever the write rate. */
    public static final int MAX_RECEIPTS = 2_048;

    private final Map<String, WriteReceipt> byRequestId;

    public WriteReceipts(boolean planted, double accel) {
        this.byRequestId = planted
                // LEAK(map): a plain map keyed by request id, "kept for later" retries, that nothing ever evicts
                ? new ConcurrentHashMap<>()
                // fixed twin: bounded in size and in time, so the map plateaus at the retry window's worth
                : Caffeine.newBuilder()
                        .maximumSize(MAX_RECEIPTS)
                        .expireAfterWrite(Duration.ofMillis((long) (RETRY_WINDOW.toMillis() / accel)))
                        .<String, WriteReceipt>build()
                        .asMap();
    }

    /** The answer already given to {@code requestId}, or the answer of {@code write}, which then runs once. */
    public String answer(String requestId, long itemId, Supplier<String> write) {
        WriteReceipt earlier = byRequestId.get(requestId);
        if (earlier != null) {
            return earlier.answer();
        }
        WriteReceipt receipt = new WriteReceipt(requestId, itemId, System.currentTimeMillis(), write.get());
        WriteReceipt raced = byRequestId.putIfAbsent(requestId, receipt);
        return raced != null ? raced.answer() : receipt.answer();
    }
}
