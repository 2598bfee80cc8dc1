package dev.leakhunt.charts.verdict;

/**
 * The live heap as the floor of its readings over one marking period. On G1 the sampler starts a concurrent marking
 * cycle every {@code mark_every_ms}; only the collections after it free the old generation's dead objects, so a
 * {@code heap_live_bytes} reading later in the period also counts the garbage promoted since, and the readings
 * climb in a sawtooth between markings. Its teeth grow with the load's latency and promotion rate, not with what
 * is kept: a clean 150 s control (runs/bench-detect-5/none-seed45) read 26–28 MB, then 27.5–31 MB, and was called a
 * leak of +101.5 MB/h while its post-marking floor moved 1.5 MB once. Each reading becomes the lowest reading of
 * the marking period that ends with it, which a leak raises and garbage does not.
 */
final class MarkingFloor {

    private MarkingFloor() {
    }

    /**
     * @param tsMs     row times, ascending
     * @param values   the readings, NaN where none
     * @param periodMs the marking period; 0 or less leaves the readings as they are
     * @return per row, the lowest reading in {@code (tsMs - periodMs, tsMs]}; NaN where the row has no reading
     */
    static double[] of(long[] tsMs, double[] values, long periodMs) {
        if (periodMs <= 0) {
            return values.clone();
        }
        double[] floor = new double[values.length];
        // A deque of indices whose readings ascend: the window's minimum is at its head.
        int[] deque = new int[values.length];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                while (tail > head && values[deque[tail - 1]] >= values[i]) {
                    tail--;
                }
                deque[tail++] = i;
            }
            while (tail > head && tsMs[deque[head]] <= tsMs[i] - periodMs) {
                head++;
            }
            floor[i] = Double.isNaN(values[i]) ? Double.NaN : values[deque[head]];
        }
        return floor;
    }
}
