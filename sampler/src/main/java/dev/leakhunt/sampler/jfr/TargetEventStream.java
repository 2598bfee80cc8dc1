package dev.leakhunt.sampler.jfr;

import dev.leakhunt.sampler.jmx.TargetJvm;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;
import jdk.management.jfr.RemoteRecordingStream;

/**
 * JFR events streamed from the target over the JMX connection ({@code RemoteRecordingStream}): the stream
 * starts a recording in the target with only the events asked for, without thresholds, and closes it in
 * {@link #close()}. Events arrive in chunks, about once a second.
 */
public final class TargetEventStream implements AutoCloseable {
    private static final Duration KEEP_ON_DISK = Duration.ofMinutes(2);

    private final RemoteRecordingStream stream;
    private final AtomicLong flushes = new AtomicLong();
    private volatile boolean ended;

    public TargetEventStream(TargetJvm jvm) throws IOException {
        this.stream = new RemoteRecordingStream(jvm.connection());
        stream.setMaxAge(KEEP_ON_DISK);
        stream.onFlush(flushes::incrementAndGet);
        stream.onClose(() -> ended = true);
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

    /** How many chunks have been read: a flush after a moment means the events up to it have been seen. */
    public long flushes() {
        return flushes.get();
    }

    @Override
    public void close() {
        stream.close();
    }
}
