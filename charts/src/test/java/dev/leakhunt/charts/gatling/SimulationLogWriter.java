package dev.leakhunt.charts.gatling;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes Gatling 3.15.1's binary {@code simulation.log} byte for byte as Gatling's own
 * {@code BufferedFileChannelWriter} does (same record layout, same string cache numbering from 1, a string's
 * internal Latin-1 or UTF-16 bytes plus coder byte). {@link GatlingLogAgainstGatlingTest} proves the claim by
 * re-encoding a real Gatling log and comparing the bytes; the bench uses it to build a 43-million-request log.
 */
final class SimulationLogWriter implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 16;

    private final DataOutputStream out;
    private final Map<String, Integer> stringCache = new HashMap<>();

    SimulationLogWriter(OutputStream out) {
        this.out = new DataOutputStream(new BufferedOutputStream(out, BUFFER_BYTES));
    }

    /** The run record; Gatling's assertions are not modelled, so the log declares none. */
    void run(String gatlingVersion, String simulationClass, long startEpochMs, String description,
             List<String> scenarios) throws IOException {
        out.writeByte(SimulationLogReader.RUN);
        writeString(gatlingVersion);
        writeString(simulationClass);
        out.writeLong(startEpochMs);
        writeString(description);
        out.writeInt(scenarios.size());
        for (String scenario : scenarios) {
            writeString(scenario);
        }
        out.writeInt(0);
    }

    void request(List<String> groups, String name, int startOffsetMs, int endOffsetMs, boolean ok, String message)
            throws IOException {
        out.writeByte(SimulationLogReader.REQUEST);
        writeGroups(groups);
        writeCachedString(name);
        out.writeInt(startOffsetMs);
        out.writeInt(endOffsetMs);
        out.writeBoolean(ok);
        writeCachedString(message);
    }

    void user(int scenario, boolean start, int offsetMs) throws IOException {
        out.writeByte(SimulationLogReader.USER);
        out.writeInt(scenario);
        out.writeBoolean(start);
        out.writeInt(offsetMs);
    }

    void group(List<String> groups, int startOffsetMs, int endOffsetMs, int cumulatedResponseTimeMs, boolean ok)
            throws IOException {
        out.writeByte(SimulationLogReader.GROUP);
        writeGroups(groups);
        out.writeInt(startOffsetMs);
        out.writeInt(endOffsetMs);
        out.writeInt(cumulatedResponseTimeMs);
        out.writeBoolean(ok);
    }

    void error(String message, int offsetMs) throws IOException {
        out.writeByte(SimulationLogReader.ERROR);
        writeCachedString(message);
        out.writeInt(offsetMs);
    }

    private void writeGroups(List<String> groups) throws IOException {
        out.writeInt(groups.size());
        for (String group : groups) {
            writeCachedString(group);
        }
    }

    private void writeCachedString(String value) throws IOException {
        Integer index = stringCache.get(value);
        if (index != null) {
            out.writeInt(-index);
            return;
        }
        index = stringCache.size() + 1;
        stringCache.put(value, index);
        out.writeInt(index);
        writeString(value);
    }

    private void writeString(String value) throws IOException {
        if (value.isEmpty()) {
            out.writeInt(0);
            return;
        }
        boolean latin1 = value.chars().allMatch(c -> c <= 0xFF);
        byte[] bytes = value.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.writeByte(latin1 ? 0 : 1);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
