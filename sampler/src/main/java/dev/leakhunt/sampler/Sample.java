package dev.leakhunt.sampler;

import java.util.EnumMap;
import java.util.Map;

/**
 * One row of the time series while it is being filled. A column nobody set stays unknown and is written as an
 * empty cell: sources set only what they actually read.
 */
public final class Sample {
    private final Map<Column, Number> values = new EnumMap<>(Column.class);

    public Sample(long tsMs) {
        values.put(Column.TS_MS, tsMs);
    }

    public long tsMs() {
        return values.get(Column.TS_MS).longValue();
    }

    public void set(Column column, long value) {
        values.put(column, value);
    }

    public void set(Column column, double value) {
        if (Double.isFinite(value)) {
            values.put(column, value);
        }
    }

    /** Copies every value of this sample but its time into {@code row}. */
    void copyInto(Sample row) {
        values.forEach((column, value) -> {
            if (column != Column.TS_MS) {
                row.values.put(column, value);
            }
        });
    }

    /** The value of a column, or null when it is unknown. */
    public Number get(Column column) {
        return values.get(column);
    }
}
