package dev.leakhunt.charts.report;

import java.util.List;

/** Builds an HTML document as text; everything that is not markup goes through {@link #escape}. */
final class Html {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1060px;color:#222;padding:0 12px}
            h1{font-size:22px;margin-bottom:4px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd}
            h3{font-size:15px;margin:18px 0 4px}
            table{border-collapse:collapse;margin:8px 0 12px;font-size:13px}
            th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
            th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
            tr.leak td{background:#fde8e8}tr.fail td{background:#fde8e8}tr.pass td{background:#eaf6ea}
            tr.plateau td{background:#fff6dc}
            .detail{font:12px/1.35 ui-monospace,monospace;color:#555;white-space:pre-wrap;margin:0}
            code,.mono{font-family:ui-monospace,monospace;font-size:12px}
            .note{color:#666;font-size:12.5px;margin:2px 0 6px}.missing{color:#a05a00}
            figure{margin:14px 0}svg{max-width:100%;height:auto}
            """;

    private final StringBuilder out = new StringBuilder();

    Html(String title) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title><style>").append(STYLE).append("</style></head><body>\n");
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    Html heading(int level, String text, String id) {
        out.append("<h").append(level).append(id.isEmpty() ? "" : " id=\"" + escape(id) + "\"").append('>')
                .append(escape(text)).append("</h").append(level).append(">\n");
        return this;
    }

    /** A link target without visible content. */
    Html anchor(String id) {
        out.append("<a id=\"").append(escape(id)).append("\"></a>");
        return this;
    }

    Html paragraph(String cssClass, String text) {
        out.append("<p class=\"").append(cssClass).append("\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A paragraph whose content the caller has already escaped or built from escaped parts. */
    Html rawParagraph(String html) {
        out.append("<p>").append(html).append("</p>\n");
        return this;
    }

    Html list(String cssClass, List<String> items) {
        out.append("<ul class=\"").append(cssClass).append("\">");
        items.forEach(item -> out.append("<li>").append(escape(item)).append("</li>"));
        out.append("</ul>\n");
        return this;
    }

    static String link(String href, String text) {
        return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
    }

    /**
     * A table; {@code rowClasses} (may be shorter than the rows) colours rows by outcome, and each row's
     * details print in a monospace block under its cells.
     */
    Html table(List<String> headers, List<DiffTable.Row> rows, List<String> rowClasses, List<Boolean> numeric) {
        out.append("<table><tr>");
        headers.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
        out.append("</tr>\n");
        for (int r = 0; r < rows.size(); r++) {
            DiffTable.Row row = rows.get(r);
            String cls = r < rowClasses.size() ? rowClasses.get(r) : "";
            out.append("<tr").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"").append('>');
            for (int c = 0; c < row.cells().size(); c++) {
                boolean num = c < numeric.size() && numeric.get(c);
                out.append(num ? "<td class=\"num\">" : "<td>").append(escape(row.cells().get(c))).append("</td>");
            }
            out.append("</tr>\n");
            if (!row.details().isEmpty()) {
                out.append("<tr><td colspan=\"").append(row.cells().size()).append("\"><pre class=\"detail\">")
                        .append(escape(String.join("\n", row.details()))).append("</pre></td></tr>\n");
            }
        }
        out.append("</table>\n");
        return this;
    }

    Html diffTable(DiffTable table) {
        heading(3, table.title(), "");
        if (!table.note().isEmpty()) {
            paragraph("note", table.note());
        }
        if (table.rows().isEmpty()) {
            return paragraph("note", "(" + table.emptyText() + ")");
        }
        List<Boolean> numeric = table.headers().stream().map(h -> h.startsWith("Δ") || h.startsWith("threads")).toList();
        return table(table.headers(), table.rows(), List.of(), numeric);
    }

    /** An SVG document inlined as a figure, so the page needs no other file. */
    Html figure(String svgElement, String caption) {
        out.append("<figure>").append(svgElement).append("<figcaption class=\"note\">").append(escape(caption))
                .append("</figcaption></figure>\n");
        return this;
    }

    String end() {
        return out.append("</body></html>\n").toString();
    }
}
