package dev.leakhunt.target;

import dev.leakhunt.target.http.HttpServers;
import dev.leakhunt.target.items.ItemEndpoints;
import dev.leakhunt.target.metrics.ServiceMetrics;
import dev.leakhunt.target.quotes.QuoteEndpoint;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The public port of the lab service; it serves no {@code /metrics} and no {@code /debug/*}.
 * <pre>
 * GET /healthz              {"status":"ok"}
 * GET /api/items/{id}       the item, read through the cache (ids 1..1000000)
 * PUT /api/items/{id}       {"name":"…","priceCents":N} → the written item; X-Request-Id makes a retry idempotent
 * GET /api/downstream?id=N  best bid/ask of book N from the downstream process (or a local estimate), marked up
 * </pre>
 */
final class PublicApi {
    static final String UNMATCHED_ROUTE = "unmatched";
    private static final int MAX_THREADS = 200;

    private PublicApi() {
    }

    static Javalin create(int port, ItemEndpoints items, QuoteEndpoint quotes, ServiceMetrics metrics) {
        return HttpServers.create("http-public", port, MAX_THREADS, cfg -> {
            cfg.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
            cfg.routes.get("/api/items/{id}", items::read);
            cfg.routes.put("/api/items/{id}", items::write);
            cfg.routes.get("/api/downstream", quotes::get);
            cfg.requestLogger.http((ctx, ms) ->
                    metrics.observeRequest(ctx.method().name(), route(ctx), ctx.statusCode(), ms / 1000.0));
        });
    }

    /** The matched route template, so ids do not explode the label's cardinality. */
    private static String route(Context ctx) {
        var endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint != null ? endpoint.path : UNMATCHED_ROUTE;
    }
}
