package dev.leakhunt.charts.curves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MinMaxDownsamplerTest {

    @Test
    void keepsEverySpikeWithAtMostTwoPointsPerPixel() {
        int n = 17_280;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 10 + (i % 7);
        }
        y[5_001] = 1_000;
        y[12_345] = -50;

        MinMaxDownsampler.Points points = MinMaxDownsampler.downsample(x, y, 0, n, 1000, new double[0]);

        assertTrue(points.size() <= 2 * 1000, "points: " + points.size());
        assertEquals(1_000, Arrays.stream(points.y()).max().orElseThrow());
        assertEquals(-50, Arrays.stream(points.y()).min().orElseThrow());
        assertEquals(5_001, points.x()[indexOf(points.y(), 1_000)]);
    }

    @Test
    void joinsAcrossMissingValuesButBreaksAtARestart() {
        double[] x = {0, 1, 2, 3, 4, 5};
        double[] y = {1, Double.NaN, 3, 4, Double.NaN, 6};

        MinMaxDownsampler.Points points = MinMaxDownsampler.downsample(x, y, 0, 6, 600, new double[] {3.5});

        assertEquals("[0.0, 2.0, 3.0, 5.0, 5.0]", Arrays.toString(points.x()));
        assertEquals("[1.0, 3.0, 4.0, NaN, 6.0]", Arrays.toString(points.y()));
    }

    @Test
    void keepsTimeOrderOfMinAndMaxWithinAPixel() {
        double[] x = {0.0, 0.1, 0.2, 0.3};
        double[] y = {5, 9, 1, 5};

        MinMaxDownsampler.Points points = MinMaxDownsampler.downsample(x, y, 0, 1, 1, new double[0]);

        assertEquals("[0.1, 0.2]", Arrays.toString(points.x()));
        assertEquals("[9.0, 1.0]", Arrays.toString(points.y()));
    }

    private static int indexOf(double[] values, double wanted) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
