package dev.leakhunt.charts.gatling;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the records of Gatling's binary {@code simulation.log} (Gatling 3.13+; this reader accepts only the
 * pinned version, {@link PinnedGatling#VERSION}) without holding them: memory is the read buffer plus the
 * log's string cache (request names, groups, error messages).
 *
 * <p>Layout, big-endian, one header byte per record: {@code 0} run, {@code 1} request, {@code 2} user,
 * {@code 3} group, {@code 4} error. A string is {@code int32} length, the bytes of the writer's {@code String}
 * value, then a coder byte ({@code 0} Latin-1, {@code 1} UTF-16) — no coder byte when the length is 0. A cached
 * string is an {@code int32} index: positive is its first use and is followed by the string, negative refers back
 * to an earlier one. Times are {@code int32} ms offsets from the run start.
 *
 * <p>The file may still be growing: {@link #readAvailable} decodes every complete record up to the current end
 * of file, leaves an incomplete last record for the next call and reports its size, so the same reader can be
 * polled while the run goes on, and a killed run's torn tail costs only that record.
 */
public final class SimulationLogReader implements AutoCloseable {

    static final byte RUN = 0;
    static final byte REQUEST = 1;
    static final byte USER = 2;
    static final byte GROUP = 3;
    static final byte ERROR = 4;

    private static final int INITIAL_BUFFER_BYTES = 1 << 22;
    /** A longer string means a corrupt length field, not a request name. */
    private static final int MAX_STRING_BYTES = 1 << 26;
    private static final byte CODER_LATIN1 = 0;
    private static final byte CODER_UTF16 = 1;

    private final Path file;
    private final FileChannel channel;
    private final List<String> stringCache = new ArrayList<>();
    private ByteBuffer buffer = ByteBuffer.allocateDirect(INITIAL_BUFFER_BYTES).limit(0);
    /** File offset of {@code buffer} index 0. */
    private long bufferFileOffset;
    private RunHeader header;
    private long requests;
    private long users;
    private long groups;
    private long errors;

    private SimulationLogReader(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    /**
     * Opens a log and decodes its run record.
     *
     * @throws LogFormatException when the log is not a binary log, comes from another Gatling version, or has no
     *                            complete run record yet
     */
    public static SimulationLogReader open(Path file) throws IOException {
        SimulationLogReader reader = new SimulationLogReader(file);
        try {
            reader.header = reader.readHeader();
            return reader;
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    public RunHeader header() {
        return header;
    }

    /** Decodes every complete record between the last call and the current end of the file. */
    public ReadProgress readAvailable(RecordSink sink) throws IOException {
        while (true) {
            int recordStart = buffer.position();
            try {
                readRecord(sink);
            } catch (BufferUnderflowException incomplete) {
                buffer.position(recordStart);
                if (!refill()) {
                    break;
                }
            }
        }
        long consumed = bufferFileOffset + buffer.position();
        return new ReadProgress(requests, users, groups, errors, consumed, channel.size() - consumed);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private RunHeader readHeader() throws IOException {
        while (true) {
            try {
                return decodeHeader();
            } catch (BufferUnderflowException incomplete) {
                buffer.position(0);
                if (!refill()) {
                    throw new LogFormatException(file + ": no complete run record yet (" + channel.size() + " bytes)");
                }
            }
        }
    }

    private RunHeader decodeHeader() throws LogFormatException {
        byte type = buffer.get();
        if (type != RUN) {
            throw new LogFormatException(file + " is not a binary Gatling simulation.log (first byte 0x"
                    + Integer.toHexString(type & 0xff) + "; Gatling writes the binary format since 3.13)");
        }
        String version = readString();
        if (!version.equals(PinnedGatling.VERSION)) {
            throw new LogFormatException(file + " was written by Gatling " + version
                    + "; this build reads only the binary format of Gatling " + PinnedGatling.VERSION
                    + " (the version pinned in pom.xml)");
        }
        String simulationClass = readString();
        long startEpochMs = buffer.getLong();
        String description = readString();
        int scenarioCount = readCount("scenario");
        List<String> scenarios = new ArrayList<>(scenarioCount);
        for (int i = 0; i < scenarioCount; i++) {
            scenarios.add(readString());
        }
        int assertionCount = readCount("assertion");
        for (int i = 0; i < assertionCount; i++) {
            skip(readCount("assertion byte"));
        }
        return new RunHeader(version, simulationClass, startEpochMs, description, scenarios, assertionCount);
    }

    private void readRecord(RecordSink sink) throws LogFormatException {
        byte type = buffer.get();
        switch (type) {
            case REQUEST -> {
                List<String> groupHierarchy = readGroups();
                String name = readCachedString();
                int start = buffer.getInt();
                int end = buffer.getInt();
                boolean ok = readBoolean();
                String message = readCachedString();
                requests++;
                sink.request(groupHierarchy, name, start, end, ok, message);
            }
            case USER -> {
                int scenario = buffer.getInt();
                boolean start = readBoolean();
                int offset = buffer.getInt();
                users++;
                sink.user(scenario, start, offset);
            }
            case GROUP -> {
                List<String> groupHierarchy = readGroups();
                int start = buffer.getInt();
                int end = buffer.getInt();
                int cumulated = buffer.getInt();
                boolean ok = readBoolean();
                groups++;
                sink.group(groupHierarchy, start, end, cumulated, ok);
            }
            case ERROR -> {
                String message = readCachedString();
                int offset = buffer.getInt();
                errors++;
                sink.error(message, offset);
            }
            default -> throw new LogFormatException(file + ": unknown record type " + type + " at byte "
                    + (bufferFileOffset + buffer.position() - 1));
        }
    }

    private List<String> readGroups() throws LogFormatException {
        int count = readCount("group");
        if (count == 0) {
            return List.of();
        }
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = readCachedString();
        }
        return List.of(names);
    }

    private String readCachedString() throws LogFormatException {
        int index = buffer.getInt();
        if (index < 0) {
            int known = -index;
            if (known > stringCache.size()) {
                throw formatError("refers to string #" + known + " before its first use");
            }
            return stringCache.get(known - 1);
        }
        if (index == 0 || index > stringCache.size() + 1) {
            throw formatError("has cached string #" + index + " out of sequence (" + stringCache.size() + " known)");
        }
        String value = readString();
        if (index == stringCache.size() + 1) {
            stringCache.add(value);
        }
        // else: a record re-decoded after a buffer refill meets its own first use again; the cache holds it.
        return value;
    }

    private String readString() throws LogFormatException {
        int length = buffer.getInt();
        if (length == 0) {
            return "";
        }
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw formatError("has a string length of " + length);
        }
        if (buffer.remaining() < length + 1) {
            throw new BufferUnderflowException();
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        byte coder = buffer.get();
        return switch (coder) {
            case CODER_LATIN1 -> new String(bytes, StandardCharsets.ISO_8859_1);
            // The writer dumps the String's internal UTF-16 array, which is in its CPU's byte order; every
            // platform Gatling runs on (x86-64, aarch64) is little-endian.
            case CODER_UTF16 -> new String(bytes, StandardCharsets.UTF_16LE);
            default -> throw formatError("has string coder " + coder);
        };
    }

    private boolean readBoolean() {
        return buffer.get() != 0;
    }

    private int readCount(String what) throws LogFormatException {
        int count = buffer.getInt();
        if (count < 0) {
            throw formatError("has a negative " + what + " count " + count);
        }
        return count;
    }

    private void skip(int bytes) {
        if (buffer.remaining() < bytes) {
            throw new BufferUnderflowException();
        }
        buffer.position(buffer.position() + bytes);
    }

    private LogFormatException formatError(String what) {
        return new LogFormatException(file + " " + what + " near byte " + (bufferFileOffset + buffer.position()));
    }

    /**
     * Drops the bytes already decoded, keeps the incomplete record at the buffer start and appends what the file
     * holds now; grows the buffer when a single record does not fit. Returns false when no byte was added.
     */
    private boolean refill() throws IOException {
        bufferFileOffset += buffer.position();
        buffer.compact();
        if (!buffer.hasRemaining()) {
            ByteBuffer larger = ByteBuffer.allocateDirect(buffer.capacity() * 2);
            buffer.flip();
            larger.put(buffer);
            buffer = larger;
        }
        int added = 0;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, bufferFileOffset + buffer.position());
            if (read <= 0) {
                break;
            }
            added += read;
        }
        buffer.flip();
        return added > 0;
    }
}
