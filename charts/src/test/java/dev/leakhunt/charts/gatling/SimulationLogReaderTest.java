package dev.leakhunt.charts.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader on byte streams written by hand here, independently of {@link SimulationLogWriter}. */
class SimulationLogReaderTest {

    private static final long START_EPOCH_MS = 1_795_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void decodesCachedStringsOnFirstUseAndByReference() throws IOException {
        Bytes log = header(PinnedGatling.VERSION);
        log.request(1, "home", 10, 25, true, 2, "");
        log.request(-1, null, 30, 32, true, -2, null);
        log.request(3, "caf\u00e9 \u2615", 40, 140, false, 4, "status 500");
        log.request(-3, null, 50, 51, false, -4, null);
        log.user(0, true, 5);
        log.error(-4, null, 60);
        List<String> seen = new ArrayList<>();
        ReadProgress progress;
        try (SimulationLogReader reader = SimulationLogReader.open(log.write(dir.resolve("simulation.log")))) {
            assertEquals(START_EPOCH_MS, reader.header().startEpochMs());
            assertEquals(List.of("scn"), reader.header().scenarios());
            progress = reader.readAvailable(new RecordSink() {
                @Override
                public void request(List<String> groups, String name, int start, int end, boolean ok, String msg) {
                    seen.add(name + "|" + (end - start) + "|" + ok + "|" + msg);
                }

                @Override
                public void error(String message, int offsetMs) {
                    seen.add("error|" + message + "|" + offsetMs);
                }
            });
        }
        assertEquals(List.of("home|15|true|", "home|2|true|", "caf\u00e9 \u2615|100|false|status 500",
                "caf\u00e9 \u2615|1|false|status 500", "error|status 500|60"), seen);
        assertEquals(new ReadProgress(4, 1, 0, 1, log.size(), 0), progress);
    }

    @Test
    void refusesAnotherGatlingVersionInOneLine() throws IOException {
        Path file = header("3.14.0").write(dir.resolve("simulation.log"));
        LogFormatException e = assertThrows(LogFormatException.class, () -> SimulationLogReader.open(file));
        assertTrue(e.getMessage().contains("Gatling 3.14.0") && e.getMessage().contains(PinnedGatling.VERSION),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void refusesATextLogOfAnOlderGatling() throws IOException {
        Path file = Files.writeString(dir.resolve("simulation.log"), "RUN\tsim\tsim\t1700000000000\t \t3.9.5\n");
        LogFormatException e = assertThrows(LogFormatException.class, () -> SimulationLogReader.open(file));
        assertTrue(e.getMessage().contains("not a binary Gatling simulation.log"), e.getMessage());
    }

    @Test
    void ignoresATornLastRecordAndReportsItsBytes() throws IOException {
        Bytes log = header(PinnedGatling.VERSION);
        log.request(1, "a", 0, 7, true, 2, "");
        int complete = log.size();
        log.request(-1, null, 10, 19, true, -2, null);
        int cut = complete + 6;
        Path file = Files.write(dir.resolve("simulation.log"), Arrays.copyOf(log.bytes(), cut));
        GatlingLatency latency = GatlingLog.read(file, 10_000);
        assertEquals(1, latency.total().count());
        assertEquals(7.0, latency.total().maxMs());
        assertEquals(complete, latency.progress().consumedBytes());
        assertEquals(cut - complete, latency.progress().tailBytes());
    }

    @Test
    void aReferenceToAStringNeverSeenIsAFormatError() throws IOException {
        Bytes log = header(PinnedGatling.VERSION);
        log.request(-5, null, 0, 1, true, 1, "");
        Path file = log.write(dir.resolve("simulation.log"));
        try (SimulationLogReader reader = SimulationLogReader.open(file)) {
            LogFormatException e = assertThrows(LogFormatException.class,
                    () -> reader.readAvailable((g, n, s, end, ok, m) -> { }));
            assertTrue(e.getMessage().contains("string #5"), e.getMessage());
        }
    }

    @Test
    void aFileWithoutACompleteRunRecordSaysSo() throws IOException {
        byte[] bytes = header(PinnedGatling.VERSION).bytes();
        Path file = Files.write(dir.resolve("simulation.log"), Arrays.copyOf(bytes, bytes.length - 3));
        LogFormatException e = assertThrows(LogFormatException.class, () -> SimulationLogReader.open(file));
        assertTrue(e.getMessage().contains("no complete run record"), e.getMessage());
    }

    private static Bytes header(String version) throws IOException {
        Bytes log = new Bytes();
        log.out.writeByte(0);
        log.string(version);
        log.string("sim.Example");
        log.out.writeLong(START_EPOCH_MS);
        log.out.writeInt(0);
        log.out.writeInt(1);
        log.string("scn");
        log.out.writeInt(1);
        log.out.writeInt(3);
        log.out.write(new byte[] {7, 7, 7});
        return log;
    }

    /** Records spelled out field by field; a cached string is written only when its index is positive. */
    private static final class Bytes {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(buffer);

        void request(int nameIndex, String name, int start, int end, boolean ok, int messageIndex, String message)
                throws IOException {
            out.writeByte(1);
            out.writeInt(0);
            cached(nameIndex, name);
            out.writeInt(start);
            out.writeInt(end);
            out.writeBoolean(ok);
            cached(messageIndex, message);
        }

        void user(int scenario, boolean start, int offset) throws IOException {
            out.writeByte(2);
            out.writeInt(scenario);
            out.writeBoolean(start);
            out.writeInt(offset);
        }

        void error(int messageIndex, String message, int offset) throws IOException {
            out.writeByte(4);
            cached(messageIndex, message);
            out.writeInt(offset);
        }

        void cached(int index, String value) throws IOException {
            out.writeInt(index);
            if (index > 0) {
                string(value);
            }
        }

        void string(String value) throws IOException {
            if (value.isEmpty()) {
                out.writeInt(0);
            } else if (value.chars().allMatch(c -> c < 256)) {
                out.writeInt(value.length());
                out.write(value.getBytes(StandardCharsets.ISO_8859_1));
                out.writeByte(0);
            } else {
                out.writeInt(value.length() * 2);
                out.write(value.getBytes(StandardCharsets.UTF_16LE));
                out.writeByte(1);
            }
        }

        byte[] bytes() {
            return buffer.toByteArray();
        }

        int size() {
            return buffer.size();
        }

        Path write(Path file) throws IOException {
            return Files.write(file, bytes());
        }
    }
}
