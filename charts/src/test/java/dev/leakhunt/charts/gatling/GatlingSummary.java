package dev.leakhunt.charts.gatling;

import java.util.HashMap;
import java.util.Map;

/**
 * The "Global Information" table Gatling prints when it builds a report, e.g.
 * <pre>
 * > request count                                    |     1,440 |     1,369 |        71
 * > response time 50th percentile (ms)               |        49 |        52 |        37
 * </pre>
 * read into (row label, column) cells. Columns: 0 Total, 1 OK, 2 KO; "-" cells (a column without requests) are
 * absent.
 */
final class GatlingSummary {

    private final Map<String, double[]> rows = new HashMap<>();

    GatlingSummary(String consoleOutput) {
        int start = consoleOutput.indexOf("---- Global Information");
        if (start < 0) {
            throw new IllegalArgumentException("no Global Information table in Gatling's output");
        }
        for (String line : consoleOutput.substring(start).lines().skip(1).toList()) {
            if (!line.startsWith("> ")) {
                break;
            }
            String[] cells = line.substring(2).split("\\|");
            double[] values = new double[cells.length - 1];
            for (int i = 1; i < cells.length; i++) {
                String cell = cells[i].strip().replace(",", "");
                values[i - 1] = cell.equals("-") ? Double.NaN : Double.parseDouble(cell);
            }
            rows.put(cells[0].strip(), values);
        }
    }

    double total(String row) {
        return cell(row, 0);
    }

    double ok(String row) {
        return cell(row, 1);
    }

    double ko(String row) {
        return cell(row, 2);
    }

    private double cell(String row, int column) {
        double[] values = rows.get(row);
        if (values == null) {
            throw new IllegalArgumentException("Gatling's summary has no row '" + row + "': " + rows.keySet());
        }
        return values[column];
    }
}
