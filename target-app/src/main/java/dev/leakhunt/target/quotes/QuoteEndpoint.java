package dev.leakhunt.target.quotes;

import dev.leakhunt.target.http.Params;
import dev.leakhunt.target.leaks.BestQuoteReader;
import dev.leakhunt.target.leaks.CallHeartbeat;
import dev.leakhunt.target.leaks.FallbackQuote;
import dev.leakhunt.target.leaks.InFlightCalls;
import dev.leakhunt.target.leaks.QuoteMarkup;
import io.javalin.http.Context;

/**
 * {@code GET /api/downstream?id=N}: asks the downstream for the book of N and answers with its best prices,
 * falling back to a local estimate when the downstream fails, with the service's markup applied.
 */
public final class QuoteEndpoint {
    private final BestQuoteReader reader;
    private final FallbackQuote fallback;
    private final CallHeartbeat heartbeat;
    private final InFlightCalls inFlight;
    private final QuoteMarkup markup;

    public QuoteEndpoint(BestQuoteReader reader, FallbackQuote fallback, CallHeartbeat heartbeat,
                         InFlightCalls inFlight, QuoteMarkup markup) {
        this.reader = reader;
        this.fallback = fallback;
        this.heartbeat = heartbeat;
        this.inFlight = inFlight;
        this.markup = markup;
    }

    public void get(Context ctx) throws Exception {
        String raw = ctx.queryParam("id");
        long id = raw == null ? 1 : Params.positiveId(raw, "id");
        QuoteHead head = inFlight.track(() -> heartbeat.during("quote " + id,
                () -> fallback.orEstimate(id, () -> reader.read(id))));
        ctx.json(markup.apply(head));
    }
}
