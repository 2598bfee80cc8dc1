package dev.leakhunt.charts.verdict;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/** Seeded synthetic series at a fixed cadence: a shape in time plus noise. */
final class Synthetic {

    static final long T0_MS = 1_795_000_000_000L;
    static final long CADENCE_MS = 5_000;
    static final double MINUTE_MS = 60_000;
    static final double HOUR_MS = 3_600_000;

    final double[] tMs;
    final double[] values;

    private Synthetic(double[] tMs, double[] values) {
        this.tMs = tMs;
        this.values = values;
    }

    /** {@code shape} maps ms since start to the noiseless value. */
    static Synthetic of(double hours, DoubleUnaryOperator shape) {
        return every(CADENCE_MS, hours * HOUR_MS, shape);
    }

    /** The same at another cadence, over {@code durationMs}. */
    static Synthetic every(long cadenceMs, double durationMs, DoubleUnaryOperator shape) {
        int n = (int) (durationMs / cadenceMs);
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0_MS + i * (double) cadenceMs;
            v[i] = shape.applyAsDouble(i * (double) cadenceMs);
        }
        return new Synthetic(t, v);
    }

    /** Adds white Gaussian noise of standard deviation {@code sigma}. */
    Synthetic white(double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < values.length; i++) {
            values[i] += sigma * random.nextGaussian();
        }
        return this;
    }

    /** Adds AR(1) noise {@code e[i] = phi e[i-1] + w[i]} scaled to a stationary standard deviation {@code sigma}. */
    Synthetic ar1(double phi, double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double innovation = sigma * Math.sqrt(1 - phi * phi);
        double e = sigma * random.nextGaussian();
        for (int i = 0; i < values.length; i++) {
            e = phi * e + innovation * random.nextGaussian();
            values[i] += e;
        }
        return this;
    }

    /** Empties every {@code every}-th cell, as a sampler that missed a read would. */
    Synthetic gaps(int every) {
        for (int i = 0; i < values.length; i += every) {
            values[i] = Double.NaN;
        }
        return this;
    }

    SeriesVerdict judge(SeriesContext context) {
        return VerdictEngine.judge(tMs, values, context);
    }
}
