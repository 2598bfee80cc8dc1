package dev.leakhunt.charts.gatling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyTimelineTest {

    private static final long RUN_START_EPOCH_MS = 1_795_000_003_456L;

    @Test
    void percentilesAreNearestRankValuesThatOccurred() {
        LatencyCounts counts = new LatencyCounts();
        for (int ms = 1; ms <= 100; ms++) {
            counts.add(ms);
        }
        assertArrayEquals(new double[] {1, 50, 95, 99, 100}, counts.percentilesMs(0.5, 50, 95, 99, 100));
        counts.add(3_000_000);
        assertArrayEquals(new double[] {51, 3_000_000}, counts.percentilesMs(50, 100));
    }

    @Test
    void compactingAndAddingAgainGivesTheSameCountsAsNeverCompacting() {
        LatencyCounts plain = new LatencyCounts();
        LatencyCounts compacted = new LatencyCounts();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 5_000; i++) {
            int ms = random.nextInt(10) == 0 ? random.nextInt(2_000_000) : random.nextInt(300);
            plain.add(ms);
            compacted.add(ms);
            if (i % 977 == 0) {
                compacted.compact();
            }
        }
        double[] ps = {1, 25, 50, 90, 99, 99.9, 100};
        assertArrayEquals(plain.percentilesMs(ps), compacted.percentilesMs(ps));
        assertEquals(plain.count(), compacted.count());
    }

    @Test
    void bucketsByEndTimeAlignedToTheEpochAndKeepsLateRecordsExact() {
        LatencyTimeline timeline = new LatencyTimeline(RUN_START_EPOCH_MS, 10_000);
        // Ends at start+1,544 ms = epoch ...005,000: the first aligned interval is [...000,000, ...010,000).
        timeline.request(List.of(), "r", 1_500, 1_544, true, "");
        timeline.request(List.of(), "r", 200_000, 200_020, false, "boom");
        // A straggler for the first interval after it was compacted (more than a minute behind).
        timeline.request(List.of(), "r", 1_000, 1_010, true, "");
        List<LatencyInterval> intervals = timeline.intervals();
        assertEquals(1_795_000_000_000L, intervals.getFirst().startMs());
        assertEquals(21, intervals.size());
        assertEquals(new LatencyStats(2, 2, 0, 10, 10, 44, 44, 44), intervals.getFirst().stats());
        assertEquals(0, intervals.get(5).stats().count());
        assertEquals(Double.NaN, intervals.get(5).stats().p99Ms());
        assertEquals(new LatencyStats(1, 0, 1, 20, 20, 20, 20, 20), intervals.getLast().stats());
        assertEquals(new LatencyStats(3, 2, 1, 10, 20, 44, 44, 44), timeline.total());
        assertEquals(timeline.total(), timeline.statsBetween(0, Long.MAX_VALUE));
        assertEquals(intervals.getLast().stats(), timeline.statsBetween(1_795_000_010_000L, Long.MAX_VALUE));
    }

    @Test
    void mergedWindowsGiveThePercentileOfTheirRequestsNotAnAverageOfPercentiles() {
        LatencyTimeline timeline = new LatencyTimeline(0, 10_000);
        for (int i = 0; i < 99; i++) {
            timeline.request(List.of(), "r", 1_000, 1_001, true, "");
        }
        timeline.request(List.of(), "r", 1_000, 2_000, true, "");
        for (int i = 0; i < 100; i++) {
            timeline.request(List.of(), "r", 11_000, 11_500, true, "");
        }
        assertEquals(1, timeline.intervals().get(0).stats().p99Ms());
        assertEquals(500, timeline.intervals().get(1).stats().p99Ms());
        assertEquals(500, timeline.statsBetween(0, 20_000).p99Ms());
        assertEquals(500, timeline.statsBetween(0, 20_000).p50Ms());
    }
}
