package dev.leakhunt.charts.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code samples.csv} read as it grows (formats.md): each {@link #poll} parses only the lines completed since
 * the last one, so following a day-long run costs the new rows, not the file. A line not yet terminated by
 * {@code \n} is a row still being written (or the torn row of a killed writer) and waits for the next poll; a
 * row with fewer cells than the header, or without an epoch-ms time, is dropped. Cells are plain numbers, so no
 * quoting is expected; a cell that is not a number is NaN, like an empty one.
 */
public final class SamplesTail {

    public static final String TIME_COLUMN = "ts_ms";
    private static final int INITIAL_ROWS = 1_024;

    private final Path file;
    private long offset;
    private String[] header;
    private int timeIndex;
    private long[] tsMs = new long[INITIAL_ROWS];
    private double[][] columns;
    private int rows;

    public SamplesTail(Path file) {
        this.file = file;
    }

    /**
     * Reads the lines completed since the last poll and returns how many rows they added. An absent file is a
     * sampler not started yet: 0 rows.
     *
     * @throws IOException when the file cannot be read, or its header has no {@code ts_ms} column
     */
    public int poll() throws IOException {
        ByteBuffer fresh;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size <= offset) {
                return 0;
            }
            fresh = ByteBuffer.allocate(Math.toIntExact(size - offset));
            while (fresh.hasRemaining() && channel.read(fresh, offset + fresh.position()) >= 0) {
                // a file only grows: read up to the size seen above
            }
        } catch (NoSuchFileException e) {
            return 0;
        }
        int end = lastNewline(fresh.array(), fresh.position());
        if (end < 0) {
            return 0;
        }
        offset += end + 1;
        int before = rows;
        for (String text : new String(fresh.array(), 0, end, StandardCharsets.UTF_8).split("\n")) {
            String line = text.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (header == null) {
                readHeader(line);
            } else {
                addRow(line.split(",", -1));
            }
        }
        return rows - before;
    }

    /** The header's column names, once its line is complete. */
    public Optional<List<String>> header() {
        return Optional.ofNullable(header).map(List::of);
    }

    /** The rows read so far, as a copy that later polls do not change. */
    public Samples samples() {
        Map<String, double[]> copies = new LinkedHashMap<>();
        for (int c = 0; header != null && c < header.length; c++) {
            if (c != timeIndex) {
                copies.put(header[c], Arrays.copyOf(columns[c], rows));
            }
        }
        return new Samples(Arrays.copyOf(tsMs, rows), copies);
    }

    private void readHeader(String line) throws IOException {
        String[] names = line.split(",", -1);
        int time = Arrays.asList(names).indexOf(TIME_COLUMN);
        if (time < 0) {
            throw new IOException(file + ": header has no " + TIME_COLUMN + " column");
        }
        header = names;
        timeIndex = time;
        columns = new double[names.length][INITIAL_ROWS];
    }

    private void addRow(String[] cells) {
        if (cells.length < header.length || !isEpochMs(cells[timeIndex])) {
            return;
        }
        if (rows == tsMs.length) {
            tsMs = Arrays.copyOf(tsMs, rows * 2);
            for (int c = 0; c < columns.length; c++) {
                columns[c] = Arrays.copyOf(columns[c], rows * 2);
            }
        }
        tsMs[rows] = Long.parseLong(cells[timeIndex]);
        for (int c = 0; c < header.length; c++) {
            if (c != timeIndex) {
                columns[c][rows] = parse(cells[c]);
            }
        }
        rows++;
    }

    private static int lastNewline(byte[] bytes, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isEpochMs(String cell) {
        return !cell.isEmpty() && cell.chars().allMatch(Character::isDigit);
    }

    private static double parse(String cell) {
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
