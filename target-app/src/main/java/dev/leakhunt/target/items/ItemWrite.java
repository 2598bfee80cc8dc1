package dev.leakhunt.target.items;

import java.nio.charset.StandardCharsets;

/** The body of {@code PUT /api/items/{id}}: {@code {"name":"…","priceCents":1234}}. */
public record ItemWrite(String name, Long priceCents) {
    public static final int MAX_NAME_BYTES = 200;
    public static final long MAX_PRICE_CENTS = 1_000_000_000L;

    /** The first rule this write breaks, in one line, or null when it is valid. */
    public String problem() {
        if (name == null || name.isBlank() || name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return "name must be 1.." + MAX_NAME_BYTES + " bytes of UTF-8";
        }
        if (priceCents == null || priceCents < 0 || priceCents > MAX_PRICE_CENTS) {
            return "priceCents must be 0.." + MAX_PRICE_CENTS;
        }
        return null;
    }
}
