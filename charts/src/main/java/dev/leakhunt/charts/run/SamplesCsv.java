package dev.leakhunt.charts.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code samples.csv} by header name (formats.md) as it is right now: one {@link SamplesTail#poll} of the
 * whole file, with its rules for a file still growing (a torn last line waits, a short row is dropped, a cell
 * that is not a number is NaN).
 */
public final class SamplesCsv {

    private SamplesCsv() {
    }

    public static Samples read(Path file) throws IOException {
        SamplesTail tail = new SamplesTail(file);
        tail.poll();
        if (tail.header().isEmpty()) {
            throw new IOException(file + ": no header row");
        }
        return tail.samples();
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
}
