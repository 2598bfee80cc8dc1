package dev.leakhunt.target.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every error answer is {@code {"status":N,"error":"<reason phrase>","message":"…"}} with the same status code. */
public final class JsonErrors {
    private static final Logger LOG = LoggerFactory.getLogger(JsonErrors.class);

    /** The body of an error answer. */
    public record ErrorBody(int status, String error, String message) {
    }

    private JsonErrors() {
    }

    static void install(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(), e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.warn("{} {} failed", ctx.method(), ctx.path(), e);
            write(ctx, HttpStatus.INTERNAL_SERVER_ERROR.getCode(), "internal error (" + e.getClass().getSimpleName() + ")");
        });
        routes.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.result() == null) {
                write(ctx, HttpStatus.NOT_FOUND.getCode(), "no route for " + ctx.method() + " " + ctx.path());
            }
        });
    }

    public static void write(Context ctx, int status, String message) {
        ctx.status(status).json(new ErrorBody(status, HttpStatus.forStatus(status).getMessage(), message));
    }
}
