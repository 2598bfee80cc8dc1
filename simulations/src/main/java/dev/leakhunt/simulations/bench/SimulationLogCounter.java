package dev.leakhunt.simulations.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts the requests of a Gatling 3.15 binary {@code simulation.log} per second of their start, counted from the
 * first arrival (where injection begins): the arrival rate is what an open-model driver promises to hold. Only counts: the report's full reader (latencies, percentiles) lives in
 * charts. The format (big-endian; Gatling calls it internal) is: a record type byte — 0 run, 1 request, 2 user,
 * 3 group, 4 error — then the record. A killed Gatling leaves a torn last record, which is ignored.
 */
public final class SimulationLogCounter {
    public static final String SUPPORTED_VERSION = "3.15.1";
    private static final int RUN = 0;
    private static final int REQUEST = 1;
    private static final int USER = 2;
    private static final int ERROR = 4;

    private final DataInputStream in;
    private final List<String> cache = new ArrayList<>(List.of(""));

    private SimulationLogCounter(DataInputStream in) {
        this.in = in;
    }

    /** Reads the whole log. */
    public static Counts read(Path log) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(log), 1 << 16))) {
            return new SimulationLogCounter(in).count(log);
        }
    }

    private Counts count(Path log) throws IOException {
        if (in.readUnsignedByte() != RUN) {
            throw new IOException(log + " does not start with Gatling's run record");
        }
        String version = string();
        if (!version.equals(SUPPORTED_VERSION)) {
            throw new IOException(log + " was written by Gatling " + version + "; this counter reads " + SUPPORTED_VERSION);
        }
        String simulation = string();
        long startEpochMs = in.readLong();
        string(); // run description
        skipStrings(in.readInt()); // scenarios
        int assertions = in.readInt();
        for (int i = 0; i < assertions; i++) {
            in.skipNBytes(in.readInt());
        }
        long[] perSecond = new long[64];
        int firstArrivalMs = -1;
        long requests = 0;
        long failed = 0;
        try {
            while (true) {
                int type = in.read();
                if (type < 0) {
                    break;
                }
                switch (type) {
                    case REQUEST -> {
                        int groups = in.readInt();
                        for (int i = 0; i < groups; i++) {
                            cachedString();
                        }
                        cachedString(); // request name
                        int startMs = in.readInt();
                        in.readInt(); // end
                        boolean ok = in.readBoolean();
                        cachedString(); // message
                        int second = Math.max(0, startMs - Math.max(firstArrivalMs, 0)) / 1000;
                        if (second >= perSecond.length) {
                            perSecond = Arrays.copyOf(perSecond, Math.max(second + 1, perSecond.length * 2));
                        }
                        perSecond[second]++;
                        requests++;
                        failed += ok ? 0 : 1;
                    }
                    case USER -> {
                        in.readInt(); // scenario
                        boolean start = in.readBoolean();
                        int offsetMs = in.readInt();
                        if (start && firstArrivalMs < 0) {
                            firstArrivalMs = offsetMs;
                        }
                    }
                    case ERROR -> {
                        cachedString();
                        in.readInt();
                    }
                    default -> throw new IOException(log + ": record type " + type
                            + " is not counted here (the simulations use no groups)");
                }
            }
        } catch (EOFException tornLastRecord) {
            // a Gatling that was killed mid-write; everything before is complete
        }
        return new Counts(simulation, startEpochMs, Math.max(firstArrivalMs, 0), perSecond, requests, failed);
    }

    private void skipStrings(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            string();
        }
    }

    /** {@code int32 index}: positive is a first use followed by the string, negative a reference to an earlier one. */
    private String cachedString() throws IOException {
        int index = in.readInt();
        if (index < 0) {
            return cache.get(-index);
        }
        String value = string();
        while (cache.size() <= index) {
            cache.add(null);
        }
        cache.set(index, value);
        return value;
    }

    /** {@code int32 length}, the bytes, then a coder byte (0 Latin-1, 1 UTF-16); an empty string has no coder. */
    private String string() throws IOException {
        int length = in.readInt();
        if (length == 0) {
            return "";
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException();
        }
        int coder = in.readUnsignedByte();
        return coder == 0 ? new String(bytes, StandardCharsets.ISO_8859_1)
                : new String(bytes, StandardCharsets.UTF_16LE); // the writer's order, x86 and ARM
    }

    /**
     * @param simulation     the simulation class
     * @param startEpochMs   the run's start
     * @param firstArrivalMs offset of the first virtual user's start from the run's start: where injection begins
     * @param perSecond      requests by the second (from the first arrival) they started in; trailing zeros possible
     * @param requests       all requests
     * @param failed         requests that failed (KO)
     */
    public record Counts(String simulation, long startEpochMs, int firstArrivalMs, long[] perSecond, long requests,
                         long failed) {

        /** Requests that started in seconds [fromSecond, toSecond) after the first arrival. */
        public long between(int fromSecond, int toSecond) {
            long count = 0;
            for (int second = fromSecond; second < Math.min(perSecond.length, toSecond); second++) {
                count += perSecond[second];
            }
            return count;
        }
    }
}
