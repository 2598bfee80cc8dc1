package dev.leakhunt.target.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.util.JavalinBindException;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Builds the Javalin servers of both roles with the same limits: loopback only, bounded bodies, idle timeout. */
public final class HttpServers {
    public static final String LOOPBACK = "127.0.0.1";
    /** Larger bodies get 413 when the handler reads them (writes carry a few hundred bytes). */
    public static final long MAX_REQUEST_BYTES = 64 * 1024;
    /**
     * Closes a connection that sends or accepts nothing for this long. Jetty has no total deadline for reading
     * a request's headers, so this is also the slow-client (slowloris) defence.
     */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POOL_THREAD_IDLE = Duration.ofSeconds(60);

    private HttpServers() {
    }

    /** A configured, not yet started server; {@code routes} adds the endpoints and anything else it needs. */
    public static Javalin create(String threadName, int port, int maxThreads, Consumer<JavalinConfig> routes) {
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
            QueuedThreadPool pool = new QueuedThreadPool(maxThreads, 2, (int) POOL_THREAD_IDLE.toMillis());
            pool.setName(threadName);
            cfg.jetty.threadPool = pool;
            cfg.jetty.addConnector((server, httpConfig) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
                connector.setHost(LOOPBACK);
                connector.setPort(port);
                connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
                return connector;
            });
            JsonErrors.install(cfg.routes);
            routes.accept(cfg);
        });
    }

    /** Starts the server, turning a busy port into {@link PortInUseException}. */
    public static Javalin start(Javalin app, String what, int port) {
        try {
            return app.start();
        } catch (JavalinBindException e) {
            throw new PortInUseException(what, port, e);
        }
    }

    /** The port actually bound (differs from the requested one when that was 0). */
    public static int boundPort(Javalin app) {
        return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
    }
}
