package dev.leakhunt.target.quotes;

import dev.leakhunt.target.http.Params;
import dev.leakhunt.target.leaks.BestQuoteReader;
import dev.leakhunt.target.leaks.CallHeartbeat;
import dev.leakhunt.target.leaks.FallbackQuote;
import io.javalin.http.Context;

/**
 * {@code GET /api/downstream?id=N}: asks the downstream for the book of N and answers with its best prices,
 * falling back to a local estimate when the downstream fails.
 */
public final class QuoteEndpoint {
    private final BestQuoteReader reader;
    private final FallbackQuote fallback;
    private final CallHeartbeat heartbeat;

    public QuoteEndpoint(BestQuoteReader reader, FallbackQuote fallback, CallHeartbeat heartbeat) {
        this.reader = reader;
        this.fallback = fallback;
        this.heartbeat = heartbeat;
    }

    public void get(Context ctx) throws Exception {
        String raw = ctx.queryParam("id");
        long id = raw == null ? 1 : Params.positiveId(raw, "id");
        QuoteHead head = heartbeat.during("quote " + id,
                () -> fallback.orEstimate(id, () -> reader.read(id)));
        ctx.json(head);
    }
}
