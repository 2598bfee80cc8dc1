package dev.leakhunt.simulations.soak;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JFR chunks that targets left in the run's repository ({@link RunFolder#jfr()}) by dying without exiting (an
 * OOM kill, SIGKILL, a crash), each JVM's assembled into one recording, {@code target-<pid>.jfr}: a recording file
 * is a sequence of chunks, so the chunk files are concatenated in the order of their names (their start times), as
 * {@code jfr assemble} does. A JVM that exits deletes its repository folder itself, so a folder found here is a
 * death's.
 * <p>
 * Unlike {@code jfr assemble}, the chunk the JVM was writing when it died is finished here. Its header still says
 * "in progress", so JDK 25's parser waits for the writer and gives up: "Recording file is stuck in locked stream
 * state". Everything up to the size its header gives is complete, though: the JVM rewrites the header only after
 * each flush (every second while a stream reads the recording, as the sampler's does), and each flush writes the
 * constant pools and metadata the events before it need. So that prefix is kept and marked finished; the bytes after
 * it, events of the last second not yet flushed, are dropped.
 */
final class JfrLeftovers {
    /** JFR's name for a JVM's repository folder: its start time and pid, then a counter if the name was taken. */
    private static final Pattern JVM_FOLDER = Pattern.compile("\\d{4}(?:_\\d{2}){5}_(\\d+)(?:_\\d+)?");

    /** One dead JVM's recording: its pid, the file, chunks and bytes kept, and the end of what it holds. */
    record Assembled(long pid, Path file, int chunks, long bytes, OptionalLong endMs) {}

    private JfrLeftovers() {
    }

    /** Assembles every JVM folder under {@code repository} and removes it; removes the repository when empty. */
    static List<Assembled> assemble(Path repository) throws IOException {
        List<Assembled> assembled = new ArrayList<>();
        if (!Files.isDirectory(repository)) {
            return assembled;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(repository, Files::isDirectory)) {
            for (Path folder : folders) {
                Matcher name = JVM_FOLDER.matcher(folder.getFileName().toString());
                List<Path> chunks = name.matches() ? chunkFiles(folder) : List.of();
                if (!chunks.isEmpty()) {
                    long pid = Long.parseLong(name.group(1));
                    Assembled recording = concatenate(pid, chunks, repository.resolve("target-" + pid + ".jfr"));
                    if (recording.chunks() > 0) {
                        assembled.add(recording);
                    } else {
                        Files.delete(recording.file()); // a JVM killed before its first flush: nothing to read
                    }
                    chunks.forEach(JfrLeftovers::deleteQuietly);
                    deleteQuietly(folder);
                }
            }
        }
        try (DirectoryStream<Path> left = Files.newDirectoryStream(repository)) {
            if (!left.iterator().hasNext()) {
                Files.delete(repository);
            }
        }
        return assembled;
    }

    private static List<Path> chunkFiles(Path folder) throws IOException {
        List<Path> chunks = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.jfr")) {
            files.forEach(chunks::add);
        }
        chunks.sort(Path::compareTo);
        return chunks;
    }

    private static Assembled concatenate(long pid, List<Path> chunkFiles, Path file) throws IOException {
        int kept = 0;
        long endMs = Long.MIN_VALUE;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (Path chunkFile : chunkFiles) {
                try (FileChannel in = FileChannel.open(chunkFile)) {
                    ChunkHeader header = ChunkHeader.read(in);
                    if (header == null || !header.readable()) {
                        continue;
                    }
                    long start = out.position();
                    for (long done = 0; done < header.size(); ) {
                        done += in.transferTo(done, header.size() - done, out);
                    }
                    if (!header.finished()) {
                        out.write(ByteBuffer.wrap(new byte[] {ChunkHeader.FINISHED}), start + ChunkHeader.STATE_AT);
                    }
                    kept++;
                    endMs = Math.max(endMs, header.endMs());
                }
            }
            return new Assembled(pid, file, kept, out.size(),
                    endMs == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(endMs));
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // left for the user: the recording was assembled either way
        }
    }

    /**
     * The fixed start of a JFR chunk (format 2, JDK 11 on; read as jdk.jfr.internal.consumer.ChunkHeader reads
     * it): magic, version, the chunk's size as of the last flush at byte 8, the metadata's position at 24 (0 before
     * the first flush), start and duration in epoch nanoseconds at 32 and 40, the file state at 64: 0 once the JVM
     * finished the chunk, 255 while it rewrites the header, else the number of flushes so far.
     */
    private record ChunkHeader(long size, long metadataPosition, long startNanos, long durationNanos, byte state) {
        static final int BYTES = 68;
        static final int STATE_AT = 64;
        static final byte FINISHED = 0;
        private static final byte UPDATING = (byte) 255;
        private static final int MAGIC = 0x464c5200; // "FLR\0"

        /** The header, or null when the file is too short or not a chunk. */
        static ChunkHeader read(FileChannel in) throws IOException {
            ByteBuffer bytes = ByteBuffer.allocate(BYTES);
            in.read(bytes, 0); // a regular file reads short only at its end
            if (bytes.hasRemaining() || bytes.getInt(0) != MAGIC) {
                return null;
            }
            long size = Math.min(bytes.getLong(8), in.size());
            return new ChunkHeader(size, bytes.getLong(24), bytes.getLong(32), bytes.getLong(40), bytes.get(STATE_AT));
        }

        /** Finished, or flushed at least once with a header not caught mid-rewrite. */
        boolean readable() {
            return state == FINISHED || (state != UPDATING && metadataPosition > 0 && size >= BYTES);
        }

        boolean finished() {
            return state == FINISHED;
        }

        long endMs() {
            return (startNanos + durationNanos) / 1_000_000;
        }
    }
}
