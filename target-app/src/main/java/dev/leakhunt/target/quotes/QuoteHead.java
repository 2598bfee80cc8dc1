package dev.leakhunt.target.quotes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** The part of a quote book the lab service answers with: the best bid and ask, and where they came from. */
public record QuoteHead(long id, double bid, double ask, String source) {
    public static final String DOWNSTREAM = "downstream";
    public static final String ESTIMATE = "estimate";
    /** The head of a book ({@code id} and {@code best}) always fits in this many bytes. */
    public static final int MAX_HEAD_BYTES = 256;
    private static final JsonFactory JSON = new JsonFactory();

    /** The best prices of a book, from its first bytes (the rest of the book is not needed). */
    public static QuoteHead parse(long id, byte[] head) throws IOException {
        double bid = Double.NaN;
        double ask = Double.NaN;
        try (JsonParser parser = JSON.createParser(head)) {
            boolean inBest = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    if ("best".equals(field)) {
                        inBest = true;
                    } else if (inBest && "bid".equals(field)) {
                        parser.nextToken();
                        bid = parser.getDoubleValue();
                    } else if (inBest && "ask".equals(field)) {
                        parser.nextToken();
                        ask = parser.getDoubleValue();
                    }
                } else if (inBest && token == JsonToken.END_OBJECT) {
                    break;
                }
            }
        } catch (IOException e) {
            // a head cut inside the levels array ends the parse; the best prices come before it
        }
        if (Double.isNaN(bid) || Double.isNaN(ask)) {
            throw new IOException("downstream book for " + id + " has no best bid/ask in its first " + MAX_HEAD_BYTES + " bytes");
        }
        return new QuoteHead(id, bid, ask, DOWNSTREAM);
    }

    /** The price model both sides share: what the downstream quotes, and what the estimator falls back to. */
    public static QuoteHead model(long id, String source) {
        double mid = 100 + (id % 997) / 10.0;
        return new QuoteHead(id, mid - 0.25, mid + 0.25, source);
    }
}
