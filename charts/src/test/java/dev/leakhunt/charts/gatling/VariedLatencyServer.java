package dev.leakhunt.charts.gatling;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP server whose answers spread over a wide latency range and include errors, so that percentiles
 * and OK/KO counts of a Gatling run are non-trivial. Delays follow the request sequence number (deterministic
 * up to thread scheduling); each request is served on its own virtual thread so sleeps do not queue.
 */
final class VariedLatencyServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong sequence = new AtomicLong();

    VariedLatencyServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/fast", exchange -> answer(exchange, sequence.incrementAndGet() * 7 % 25, 200));
        server.createContext("/slow", exchange -> answer(exchange, 60 + sequence.incrementAndGet() * 37 % 180, 200));
        server.createContext("/flaky", exchange -> {
            long n = sequence.incrementAndGet();
            answer(exchange, n * 13 % 90, n % 6 == 0 ? 500 : 200);
        });
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, long delayMs, int status) throws IOException {
        try (exchange) {
            Thread.sleep(delayMs);
            byte[] body = ("slept " + delayMs + " ms").getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
