package dev.leakhunt.simulations.soak;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/** Waiting for a child to come up: its ready line in its log, then its health endpoint. */
final class Readiness {
    private static final Duration POLL = Duration.ofMillis(100);
    /** {@code leakhunt-target ready port=… admin-port=… pid=…} or {@code leakhunt-downstream ready port=… pid=…}. */
    private static final Pattern READY = Pattern.compile("^leakhunt-[a-z]+ ready .*$");

    private Readiness() {}

    /** Waits for a target-app role's ready line, written to {@code log} after byte {@code fromOffset}. */
    static void awaitReadyLine(Path log, long fromOffset, ManagedProcess process, StopSignal stop,
                                              Duration timeout) throws IOException, StartFailedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long offset = fromOffset;
        StringBuilder partial = new StringBuilder();
        while (true) {
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                file.seek(offset);
                byte[] chunk = new byte[(int) Math.max(0, file.length() - offset)];
                file.readFully(chunk);
                offset += chunk.length;
                partial.append(new String(chunk, StandardCharsets.UTF_8));
            }
            for (String line : partial.toString().split("\n", -1)) {
                if (READY.matcher(line).matches()) {
                    return;
                }
            }
            partial.delete(0, partial.lastIndexOf("\n") + 1);
            checkStillStarting(process, stop, deadline, "print its ready line", log);
        }
    }

    /** Waits until GET {@code url} answers 2xx. */
    static void awaitHealthy(URI url, ManagedProcess process, StopSignal stop, Duration timeout, Path log)
            throws StartFailedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build();
            while (true) {
                try {
                    int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status >= 200 && status < 300) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StartFailedException("interrupted while waiting for " + url);
                }
                checkStillStarting(process, stop, deadline, "answer 2xx at " + url, log);
            }
        }
    }

    private static void checkStillStarting(ManagedProcess process, StopSignal stop, long deadline, String what,
                                           Path log) throws StartFailedException {
        if (!process.isAlive()) {
            throw new StartFailedException(process.role() + " exited with code " + process.ending().exitCode()
                    + " before it could " + what + "; see " + log);
        }
        if (System.nanoTime() > deadline) {
            throw new StartFailedException(process.role() + " did not " + what + " in time; see " + log);
        }
        if (stop.sleep(POLL)) {
            throw new StartFailedException("stopped while waiting for the target to " + what);
        }
    }
}
