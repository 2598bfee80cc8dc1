package dev.leakhunt.charts.report;

import java.util.List;

/** Prints {@link DiffTable}s as aligned plain text, for the terminal and for the diff files. */
public final class TextTables {

    private TextTables() {
    }

    public static String render(List<DiffTable> tables) {
        StringBuilder out = new StringBuilder();
        for (DiffTable table : tables) {
            out.append('\n').append(table.title()).append('\n');
            if (table.rows().isEmpty()) {
                out.append("  (").append(table.emptyText()).append(")\n");
                continue;
            }
            int[] widths = widths(table);
            out.append(line(table.headers(), widths));
            for (DiffTable.Row row : table.rows()) {
                out.append(line(row.cells(), widths));
                for (String detail : row.details()) {
                    out.append("        ").append(detail).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static int[] widths(DiffTable table) {
        int[] widths = new int[table.headers().size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = table.headers().get(c).length();
            for (DiffTable.Row row : table.rows()) {
                widths[c] = Math.max(widths[c], row.cells().get(c).length());
            }
        }
        return widths;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder(" ");
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            line.append(' ').append(cell);
            if (c < cells.size() - 1) {
                line.append(" ".repeat(widths[c] - cell.length() + 1));
            }
        }
        return line.append('\n').toString();
    }
}
