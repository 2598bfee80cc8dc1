package dev.leakhunt.sampler;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the JVM sources of a row (JMX, GC notifications, JFR, thread dumps) on a thread of their own, for at most
 * a row's budget. A target that stops answering — 3,000 leaked timer threads waking three times a second starved
 * the lab target's JMX server until each call ran into the 30 s RMI timeout — must not stop the rows: the /proc
 * figures (threads, fds, RSS) still go out, with the JVM cells left empty and a warning, and no new read starts
 * until the one in flight has returned, so slow reads never pile up.
 */
final class JvmReads implements AutoCloseable {
    private static final String SOURCE = "jvm-reads";

    private final ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sampler-jvm-reads");
        thread.setDaemon(true);
        return thread;
    });
    private final Warnings warnings;
    private Future<Sample> inFlight;

    JvmReads(Warnings warnings) {
        this.warnings = warnings;
    }

    /**
     * Fills {@code row} from {@code sources}, read one after the other into a sample of the row's time, when they
     * all answer within {@code budget}; else leaves the row's JVM cells empty.
     */
    void readInto(Sample row, List<Source> sources, Duration budget, SourceReader read) throws InterruptedException {
        if (inFlight != null && !inFlight.isDone()) {
            warnings.failed(SOURCE, row.tsMs(), new IOException("the previous row's JVM reads still run: JVM cells "
                    + "left empty"));
            return;
        }
        Sample jvmPart = new Sample(row.tsMs());
        inFlight = reader.submit(() -> {
            sources.forEach(source -> read.readInto(source, jvmPart));
            return jvmPart;
        });
        try {
            inFlight.get(budget.toMillis(), TimeUnit.MILLISECONDS).copyInto(row);
            warnings.succeeded(SOURCE);
        } catch (TimeoutException e) {
            warnings.failed(SOURCE, row.tsMs(), new IOException("the JVM sources did not answer within "
                    + budget.toMillis() + " ms: JVM cells left empty until they do"));
        } catch (ExecutionException e) {
            warnings.failed(SOURCE, row.tsMs(), e.getCause());
        }
    }

    /** How one source is read into a sample, its failures reported (the sampler's own policy). */
    @FunctionalInterface
    interface SourceReader {
        void readInto(Source source, Sample sample);
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
