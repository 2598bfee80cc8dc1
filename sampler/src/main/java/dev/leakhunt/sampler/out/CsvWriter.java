package dev.leakhunt.sampler.out;

import dev.leakhunt.sampler.Column;
import dev.leakhunt.sampler.Sample;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes {@code samples.csv}: a header of the {@link Column} names, then one row per sample, flushed after
 * every row so that a reader (or a crash) sees whole rows. Unknown values are empty cells; integers carry no
 * decimal point; fractions are written in plain decimal notation. No value needs quoting: all are numbers.
 */
public final class CsvWriter implements AutoCloseable {
    private final Writer out;

    private CsvWriter(Writer out) {
        this.out = out;
    }

    /**
     * Starts a new file with its header, or appends to an existing one of the same columns (a sampler restarted
     * on a restarted target keeps one series); a torn last line left by a killed writer is cut off first.
     */
    public static CsvWriter openOrAppend(Path file) throws IOException {
        if (Files.exists(file) && Files.size(file) > 0) {
            String firstLine;
            try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                firstLine = lines.findFirst().orElse("");
            }
            if (!firstLine.equals(header())) {
                throw new IOException(file + " has other columns than this sampler writes; use a new run folder");
            }
            cutTornLastLine(file);
            return new CsvWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
        }
        CsvWriter csv = new CsvWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
        csv.out.write(header());
        csv.out.write('\n');
        csv.out.flush();
        return csv;
    }

    private static void cutTornLastLine(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteBuffer one = ByteBuffer.allocate(1);
            long end = size;
            while (end > 0) {
                one.clear();
                channel.read(one, end - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                end--;
            }
            if (end < size) {
                channel.truncate(end);
            }
        }
    }

    public static String header() {
        StringBuilder line = new StringBuilder();
        for (Column c : Column.values()) {
            if (c.ordinal() > 0) {
                line.append(',');
            }
            line.append(c.csvName());
        }
        return line.toString();
    }

    public synchronized void write(Sample sample) throws IOException {
        out.write(row(sample));
        out.write('\n');
        out.flush();
    }

    static String row(Sample sample) {
        StringBuilder line = new StringBuilder();
        for (Column c : Column.values()) {
            if (c.ordinal() > 0) {
                line.append(',');
            }
            Number value = sample.get(c);
            if (value != null) {
                line.append(format(value));
            }
        }
        return line.toString();
    }

    static String format(Number value) {
        if (value instanceof Double d) {
            BigDecimal plain = BigDecimal.valueOf(d).stripTrailingZeros();
            return plain.scale() < 0 ? plain.setScale(0).toPlainString() : plain.toPlainString();
        }
        return Long.toString(value.longValue());
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
