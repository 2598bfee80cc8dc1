package dev.leakhunt.simulations.soak;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The latest complete row of the sampler's {@code samples.csv}, by column name. Reads only the header and the
 * file's tail, so a 24-hour series costs the same as a short one; a torn last line is skipped.
 */
final class SamplesTail {
    private static final int TAIL_BYTES = 16 * 1024;

    private final Path file;
    private String[] header;

    SamplesTail(Path file) {
        this.file = file;
    }

    /** The last complete row, or an empty map before there is one. Empty cells are left out. */
    Map<String, String> latest() throws IOException {
        if (!Files.exists(file)) {
            return Map.of();
        }
        if (header == null) {
            try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                header = lines.findFirst().map(line -> line.split(",", -1)).orElse(null);
            }
            if (header == null) {
                return Map.of();
            }
        }
        String tail;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            tail = new String(bytes, StandardCharsets.UTF_8);
        }
        int end = tail.lastIndexOf('\n');
        int begin = end <= 0 ? -1 : tail.lastIndexOf('\n', end - 1);
        if (begin < 0) {
            return Map.of();
        }
        String[] cells = tail.substring(begin + 1, end).split(",", -1);
        if (cells.length != header.length || cells[0].equals(header[0])) {
            return Map.of();
        }
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < cells.length; i++) {
            if (!cells[i].isEmpty()) {
                row.put(header[i], cells[i]);
            }
        }
        return row;
    }
}
