package dev.leakhunt.target.leaks;

import dev.leakhunt.target.quotes.QuoteClient;
import dev.leakhunt.target.quotes.QuoteHead;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;

/**
 * Reads the best prices from the head of a downstream book and skips the rest, which is ≈128 KB the lab
 * service does not need. Planted leak {@code fd}: per request one socket that is never closed, and the ≈60 KB of
 * read-ahead buffers the client holds for the unfinished exchange.
 */
public final class BestQuoteReader {
    private final QuoteClient client;
    private final boolean planted;

    public BestQuoteReader(QuoteClient client, boolean planted) {
        this.client = client;
        this.planted = planted;
    }

    /** Asks the downstream for the book of {@code id} and reads its best prices. */
    public QuoteHead read(long id) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.openBook(id);
        if (planted) {
            // LEAK(fd): reads the head and walks away without close(): the HttpClient keeps the unfinished exchange,
            // its connection and socket fd (CLOSE_WAIT once the downstream times out) as long as the client lives
            return QuoteHead.parse(id, response.body().readNBytes(QuoteHead.MAX_HEAD_BYTES));
        }
        // fixed twin: reads the rest to its end, then closes: the finished exchange hands its connection back to
        // the client's pool for the next call (close() before the end would abort it, and the client would close
        // the connection: no fd kept, but one connection per call)
        try (InputStream body = response.body()) {
            QuoteHead head = QuoteHead.parse(id, body.readNBytes(QuoteHead.MAX_HEAD_BYTES));
            body.transferTo(OutputStream.nullOutputStream());
            return head;
        }
    }
}
