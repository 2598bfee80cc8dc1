package dev.leakhunt.charts.verdict;

/**
 * One row of the seed's SLO table (§5), checked.
 *
 * @param pass    null when the run lacks what the row needs (a column, a Gatling log, enough samples)
 * @param value   the measured figure, in the unit of {@code limit}; NaN when not measured
 * @param detail  one line: how the value was measured, or why the row was not evaluated
 */
public record SloResult(String name, Boolean pass, double value, double limit, String detail) {

    static SloResult notEvaluated(String name, double limit, String why) {
        return new SloResult(name, null, Double.NaN, limit, "not evaluated: " + why);
    }
}
