package dev.leakhunt.charts.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code samples.csv} by header name (formats.md). The file may still be growing: a last line without
 * its {@code \n}, or with fewer cells than the header, is a torn write and is dropped. Cells are plain numbers,
 * so no quoting is expected; a cell that is not a number is treated as missing rather than failing the report.
 */
public final class SamplesCsv {

    private static final String TIME_COLUMN = "ts_ms";

    private SamplesCsv() {
    }

    public static Samples read(Path file) throws IOException {
        List<String> lines = completeLines(file);
        if (lines.isEmpty()) {
            throw new IOException(file + ": no header row");
        }
        String[] header = lines.getFirst().split(",", -1);
        int timeIndex = Arrays.asList(header).indexOf(TIME_COLUMN);
        if (timeIndex < 0) {
            throw new IOException(file + ": header has no " + TIME_COLUMN + " column");
        }
        List<String[]> rows = new ArrayList<>(lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length >= header.length && isEpochMs(cells[timeIndex])) {
                rows.add(cells);
            }
        }
        long[] tsMs = new long[rows.size()];
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            if (c != timeIndex) {
                columns.put(header[c], new double[rows.size()]);
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] cells = rows.get(r);
            tsMs[r] = Long.parseLong(cells[timeIndex]);
            for (int c = 0; c < header.length; c++) {
                if (c != timeIndex) {
                    columns.get(header[c])[r] = parse(cells[c]);
                }
            }
        }
        return new Samples(tsMs, columns);
    }

    /** The file's lines without a torn last line (one not yet terminated by {@code \n}). */
    static List<String> completeLines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text.substring(0, end)))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        return lines;
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
