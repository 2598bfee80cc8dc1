package dev.leakhunt.target.quotes;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The lab service's HTTP client to the downstream process; one client (one connection pool) per process. */
public final class QuoteClient implements AutoCloseable {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    /** Until the response headers arrive; the body is read by the caller. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http;
    private final URI base;

    public QuoteClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /** The book of {@code id} as a stream the caller must close; a non-200 answer is an IOException. */
    public HttpResponse<InputStream> openBook(long id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/quotes/" + id))
                .timeout(RESPONSE_TIMEOUT)
                .GET()
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("downstream answered " + response.statusCode() + " for book " + id);
        }
        return response;
    }

    /** Aborts whatever is in flight (or leaked): {@code close()} would wait for exchanges that never end. */
    @Override
    public void close() {
        http.shutdownNow();
    }
}
