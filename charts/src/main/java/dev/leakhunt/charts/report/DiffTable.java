package dev.leakhunt.charts.report;

import java.util.List;

/**
 * One section of a profile diff, independent of how it is printed: the same tables go to the terminal
 * ({@link TextTables}) and into report.html ({@link HtmlPage}).
 *
 * @param note  what the numbers are and are not (e.g. "sampled objects, not all objects"); may be empty
 */
public record DiffTable(String title, String note, List<String> headers, List<Row> rows, String emptyText) {

    /** A row's cells, and detail lines printed under it (a stack, a path to a GC root). */
    public record Row(List<String> cells, List<String> details) {
        public Row {
            cells = List.copyOf(cells);
            details = List.copyOf(details);
        }
    }

    public DiffTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }
}
