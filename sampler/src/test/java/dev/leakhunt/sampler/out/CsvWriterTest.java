package dev.leakhunt.sampler.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.leakhunt.sampler.Column;
import dev.leakhunt.sampler.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
    /** The contract: the column table under "## `samples.csv`" in src/docs/formats.md. */
    private static final Path FORMATS = Path.of("..", "src", "docs", "formats.md");
    private static final Pattern COLUMN_ROW = Pattern.compile("^\\| `([a-z0-9_]+)` \\|");

    @TempDir
    Path dir;

    @Test
    void headerIsTheColumnTableOfFormatsMd() throws IOException {
        List<String> documented = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(FORMATS)) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## `samples.csv`");
            } else if (inSection) {
                Matcher m = COLUMN_ROW.matcher(line);
                if (m.find()) {
                    documented.add(m.group(1));
                }
            }
        }
        assertEquals(String.join(",", documented), CsvWriter.header());
    }

    @Test
    void unknownIsEmptyIntegersHaveNoPointFractionsArePlain() {
        Sample sample = new Sample(1_763_897_000_000L);
        sample.set(Column.THREADS, 42);
        sample.set(Column.GC_CPU_SECONDS, 0.25);
        sample.set(Column.PROCESS_CPU_SECONDS, 120.0);
        sample.set(Column.REQ_P99_MS, 0.0000125);
        sample.set(Column.REQ_RATE_PER_S, Double.NaN);
        String[] cells = CsvWriter.row(sample).split(",", -1);
        assertEquals(Column.values().length, cells.length);
        assertEquals("1763897000000", cells[Column.TS_MS.ordinal()]);
        assertEquals("42", cells[Column.THREADS.ordinal()]);
        assertEquals("0.25", cells[Column.GC_CPU_SECONDS.ordinal()]);
        assertEquals("120", cells[Column.PROCESS_CPU_SECONDS.ordinal()]);
        assertEquals("0.0000125", cells[Column.REQ_P99_MS.ordinal()]);
        assertEquals("", cells[Column.REQ_RATE_PER_S.ordinal()], "NaN is unknown");
        assertEquals("", cells[Column.HEAP_LIVE_BYTES.ordinal()], "never set: unknown, not 0");
    }

    @Test
    void appendingCutsATornLastRowAndKeepsOneHeader() throws IOException {
        Path file = dir.resolve("samples.csv");
        try (CsvWriter csv = CsvWriter.openOrAppend(file)) {
            csv.write(new Sample(1));
        }
        Files.writeString(file, "2,4", java.nio.file.StandardOpenOption.APPEND);
        try (CsvWriter csv = CsvWriter.openOrAppend(file)) {
            csv.write(new Sample(3));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        assertEquals(CsvWriter.header(), lines.get(0));
        assertEquals("1", lines.get(1).split(",")[0]);
        assertEquals("3", lines.get(2).split(",")[0]);
    }

    @Test
    void refusesToAppendToAFileOfOtherColumns() throws IOException {
        Path file = dir.resolve("samples.csv");
        Files.writeString(file, "ts_ms,something_else\n1,2\n");
        assertThrows(IOException.class, () -> CsvWriter.openOrAppend(file));
    }
}
