package dev.leakhunt.charts.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;

/**
 * The columns of a run's {@code samples.csv}, one array per column, all indexed like {@link #tsMs()}.
 * A missing cell is {@link Double#NaN}: formats.md forbids writing 0 for "unknown", so NaN is the only
 * honest in-memory stand-in and every consumer must skip it.
 */
public final class Samples {

    private final long[] tsMs;
    private final Map<String, double[]> columns;

    Samples(long[] tsMs, Map<String, double[]> columns) {
        this.tsMs = tsMs;
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public int size() {
        return tsMs.length;
    }

    /** Wall-clock time of each row; the caller must not modify the array. */
    public long[] tsMs() {
        return tsMs;
    }

    /** The column's values (NaN where the cell was empty), or empty when the header has no such column. */
    public Optional<double[]> column(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    /** True when the column exists and holds at least one value. */
    public boolean hasValues(String name) {
        double[] values = columns.get(name);
        if (values == null) {
            return false;
        }
        for (double v : values) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    public SequencedSet<String> columnNames() {
        return Collections.unmodifiableSequencedSet(new java.util.LinkedHashSet<>(columns.keySet()));
    }
}
