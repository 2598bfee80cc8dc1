package dev.leakhunt.sampler.jfr;

import dev.leakhunt.sampler.jmx.TargetJvm;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;
import jdk.management.jfr.RemoteRecordingStream;

/**
 * JFR events streamed from the target over the JMX connection ({@code RemoteRecordingStream}): the stream
 * starts a recording in the target with only the events asked for, without thresholds, and closes it in
 * {@link #close()}. Events arrive in chunks, about once a second; a once-a-second {@code jdk.CPULoad} event
 * tells how far the stream has got.
 */
public final class TargetEventStream implements AutoCloseable {
    private static final Duration KEEP_ON_DISK = Duration.ofMinutes(2);

    private final RemoteRecordingStream stream;
    private static final String CLOCK_EVENT = "jdk.CPULoad";

    private volatile boolean ended;
    private Instant streamedUpTo = Instant.MIN;

    public TargetEventStream(TargetJvm jvm) throws IOException {
        this.stream = new RemoteRecordingStream(jvm.connection());
        stream.setMaxAge(KEEP_ON_DISK);
        stream.enable(CLOCK_EVENT).withPeriod(Duration.ofSeconds(1));
        stream.onEvent(CLOCK_EVENT, this::advance);
        stream.onClose(this::end);
    }

    /** Enables an event without threshold and hands every occurrence to {@code handler}. */
    public void subscribe(String eventName, Consumer<RecordedEvent> handler) {
        stream.enable(eventName).withoutThreshold();
        stream.onEvent(eventName, handler);
    }

    public void start() {
        stream.startAsync();
    }

    /** False once the stream has ended (target gone, connection lost): its figures are then unknown. */
    public boolean running() {
        return !ended;
    }

    private synchronized void end() {
        ended = true;
        notifyAll();
    }

    private synchronized void advance(RecordedEvent clock) {
        streamedUpTo = clock.getEndTime();
        notifyAll();
    }

    /** Waits, at most {@code timeout}, until the stream has delivered the target's events up to {@code instant}. */
    public synchronized boolean awaitStreamedPast(Instant instant, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!streamedUpTo.isAfter(instant) && !ended) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                return false;
            }
            wait(leftMs);
        }
        return streamedUpTo.isAfter(instant);
    }

    @Override
    public void close() {
        stream.close();
    }
}
