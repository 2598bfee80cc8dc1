package dev.leakhunt.target;

import dev.leakhunt.target.http.HttpServers;
import dev.leakhunt.target.http.Params;
import dev.leakhunt.target.quotes.QuoteBook;
import io.javalin.Javalin;
import io.javalin.http.ContentType;
import java.util.Map;

/**
 * The downstream process the lab service calls: {@code GET /quotes/{id}} answers a ≈128 KB order book.
 * It runs in its own process so the lab service's fd and thread counts hold only the client side.
 * Its idle timeout ({@link HttpServers#IDLE_TIMEOUT}) is what turns a client's leaked connection into CLOSE_WAIT.
 */
final class DownstreamService implements RunningService {
    private static final int MAX_THREADS = 64;

    private final Javalin app;
    private final int port;

    private DownstreamService(Javalin app, int port) {
        this.app = app;
        this.port = port;
    }

    static DownstreamService start(LaunchOptions options) {
        Javalin app = HttpServers.create("http-downstream", options.port(), MAX_THREADS, cfg -> {
            cfg.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
            cfg.routes.get("/quotes/{id}", ctx -> ctx.contentType(ContentType.APPLICATION_JSON)
                    .result(QuoteBook.render(Params.positiveId(ctx.pathParam("id"), "book id"))));
        });
        try {
            HttpServers.start(app, "downstream", options.port());
        } catch (RuntimeException e) {
            app.stop();
            throw e;
        }
        return new DownstreamService(app, HttpServers.boundPort(app));
    }

    @Override
    public String readyLine() {
        return "leakhunt-downstream ready port=" + port + " pid=" + ProcessHandle.current().pid();
    }

    @Override
    public void close() {
        app.stop();
    }
}
