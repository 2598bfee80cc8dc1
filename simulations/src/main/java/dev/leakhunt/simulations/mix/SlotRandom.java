package dev.leakhunt.simulations.mix;

/**
 * The random draws of one arrival slot: a SplitMix64 sequence whose start depends only on the seed and the slot.
 *
 * <p>Gatling hands records of a shared feeder to whichever virtual user asks first, which differs between runs;
 * its user ids, though, are numbered in arrival order. Deriving every draw from {@code (seed, userId)} makes the
 * request of the n-th arrival the same in every run with that seed. The generator is written out here rather than
 * borrowed from {@code SplittableRandom}, whose sequence the JDK does not promise to keep.
 */
public final class SlotRandom {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    private SlotRandom(long state) {
        this.state = state;
    }

    public static SlotRandom of(long seed, long slot) {
        return new SlotRandom(mix64(seed ^ mix64(slot * GOLDEN_GAMMA + GOLDEN_GAMMA)));
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextUnit() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound); bound must be positive. */
    public long nextBelow(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        return (long) (nextUnit() * bound);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
