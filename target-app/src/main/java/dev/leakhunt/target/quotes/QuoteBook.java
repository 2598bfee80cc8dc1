package dev.leakhunt.target.quotes;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The downstream's answer: an order book of ≈128 KB, best prices first,
 * {@code {"id":N,"best":{"bid":B,"ask":A},"levels":[{"price":P,"size":S},…]}}. Large on purpose: the JDK
 * HttpClient reads a body only as fast as its subscriber consumes it, so a client that reads just the head leaves
 * the exchange unfinished (its connection checked out) only if the body is much larger than the client's read-ahead
 * (≈60 KB). Books of 16–32 KB were sometimes received whole, and a whole body frees its connection.
 */
public final class QuoteBook {
    static final int LEVELS = 4_000;
    private static final byte[] LEVELS_JSON = levelsJson();

    private QuoteBook() {
    }

    public static byte[] render(long id) {
        QuoteHead best = QuoteHead.model(id, QuoteHead.DOWNSTREAM);
        byte[] head = String.format(Locale.ROOT, "{\"id\":%d,\"best\":{\"bid\":%.2f,\"ask\":%.2f},\"levels\":",
                id, best.bid(), best.ask()).getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + LEVELS_JSON.length + 1];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(LEVELS_JSON, 0, body, head.length, LEVELS_JSON.length);
        body[body.length - 1] = '}';
        return body;
    }

    private static byte[] levelsJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        for (int i = 0; i < LEVELS; i++) {
            String level = String.format(Locale.ROOT, "%s{\"price\":%.2f,\"size\":%d}", i == 0 ? "" : ",",
                    100 + i * 0.05, 100 + (i * 37) % 900);
            out.writeBytes(level.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(']');
        return out.toByteArray();
    }
}
