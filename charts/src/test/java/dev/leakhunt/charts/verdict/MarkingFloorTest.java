package dev.leakhunt.charts.verdict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class MarkingFloorTest {

    private static final double NONE = Double.NaN;

    @Test
    void eachReadingBecomesTheLowestOfTheMarkingPeriodEndingWithIt() {
        long[] ts = {0, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000};
        double[] readings = {26, 27, 28, 25, NONE, 27, 29, 30};

        double[] floor = MarkingFloor.of(ts, readings, 3_000);

        // windows (t-3000, t]: a row without a reading stays without one
        assertArrayEquals(new double[] {26, 26, 26, 25, NONE, 25, 27, 27}, floor);
    }

    @Test
    void withoutMarkingCyclesTheReadingsStay() {
        double[] readings = {26, 27, NONE, 25};

        assertArrayEquals(readings, MarkingFloor.of(new long[] {0, 1, 2, 3}, readings, 0));
    }
}
