package dev.leakhunt.target.admin;

import dev.leakhunt.target.http.HttpServers;
import dev.leakhunt.target.metrics.ServiceMetrics;
import io.javalin.Javalin;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.Map;

/**
 * The admin port: a second, independent server on 127.0.0.1 that the public port never routes to.
 * <pre>
 * GET /metrics               Prometheus text format 0.0.4
 * GET /debug/threads         platform threads grouped by state + stack, largest group first; ?full for every thread
 * GET /debug/threads.json    the JDK JSON thread dump, virtual threads included
 * GET /debug/heap/histogram  GC.class_histogram -all (no GC); ?gc=1 forces a full GC and counts live objects only
 * GET /debug/heap/dump       writes an hprof of live objects under the dump folder, answers {"path":…}
 * GET /debug/jfr             dumps the continuous recording under the dump folder, answers {"path":…}
 * </pre>
 */
public final class AdminApi {
    private static final int MAX_THREADS = 8;

    private AdminApi() {
    }

    public static Javalin create(int port, ServiceMetrics metrics, FlightRecording recording, Path dumpDir) {
        return HttpServers.create("http-admin", port, MAX_THREADS, cfg -> {
            cfg.routes.get("/metrics", ctx -> {
                ctx.contentType(ServiceMetrics.CONTENT_TYPE);
                metrics.scrape(ctx.outputStream());
            });
            cfg.routes.get("/debug/threads", ctx -> text(ctx, ctx.queryParam("full") != null
                    ? ThreadDumps.full() : ThreadDumps.grouped()));
            cfg.routes.get("/debug/threads.json", ctx -> ctx.contentType(ContentType.APPLICATION_JSON)
                    .result(ThreadDumps.json(dumpDir)));
            cfg.routes.get("/debug/heap/histogram", ctx -> text(ctx,
                    HeapDiagnostics.classHistogram("1".equals(ctx.queryParam("gc")))));
            cfg.routes.get("/debug/heap/dump", ctx -> path(ctx, HeapDiagnostics.heapDump(dumpDir)));
            cfg.routes.get("/debug/jfr", ctx -> path(ctx, recording.dump(dumpDir)));
        });
    }

    private static void text(Context ctx, String body) {
        ctx.contentType(ContentType.TEXT_PLAIN).result(body);
    }

    private static void path(Context ctx, Path file) {
        ctx.json(Map.of("path", file.toString()));
    }
}
