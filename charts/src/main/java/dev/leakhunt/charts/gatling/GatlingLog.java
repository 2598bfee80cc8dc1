package dev.leakhunt.charts.gatling;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run's {@code simulation.log} turned into latency per interval. {@link #read} reads a finished (or killed)
 * run once; {@link #follow} keeps the file open and {@link #poll} adds what was appended since, for a report
 * of a run that is still going.
 */
public final class GatlingLog implements AutoCloseable {

    private final SimulationLogReader reader;
    private final LatencyTimeline timeline;

    private GatlingLog(SimulationLogReader reader, long intervalMs) {
        this.reader = reader;
        this.timeline = new LatencyTimeline(reader.header().startEpochMs(), intervalMs);
    }

    /** Reads the whole log as it is now. */
    public static GatlingLatency read(Path simulationLog, long intervalMs) throws IOException {
        try (GatlingLog log = follow(simulationLog, intervalMs)) {
            return log.poll();
        }
    }

    /** Opens the log and checks its header; nothing else is read until {@link #poll}. */
    public static GatlingLog follow(Path simulationLog, long intervalMs) throws IOException {
        SimulationLogReader reader = SimulationLogReader.open(simulationLog);
        try {
            return new GatlingLog(reader, intervalMs);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Reads the records appended since the last poll and returns the latency of everything read so far. */
    public GatlingLatency poll() throws IOException {
        ReadProgress progress = reader.readAvailable(timeline);
        return new GatlingLatency(reader.header(), timeline.intervalMs(), timeline.intervals(), timeline.total(),
                progress);
    }

    /** The timeline as of the last poll, for percentiles and windows other than the reported ones. */
    public LatencyTimeline timeline() {
        return timeline;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
