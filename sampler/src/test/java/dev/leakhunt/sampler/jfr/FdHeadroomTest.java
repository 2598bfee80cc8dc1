package dev.leakhunt.sampler.jfr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunt.sampler.Column;
import dev.leakhunt.sampler.Sample;
import org.junit.jupiter.api.Test;

class FdHeadroomTest {

    private static Sample row(long open, Long limit) {
        Sample sample = new Sample(0);
        sample.set(Column.OPEN_FDS, open);
        if (limit != null) {
            sample.set(Column.FD_LIMIT, limit);
        }
        return sample;
    }

    @Test
    void aSteadyTargetFarFromItsLimitKeepsJfr() {
        FdHeadroom headroom = new FdHeadroom();
        for (int i = 0; i < 100; i++) {
            assertTrue(headroom.exhausted(row(40, 1024L)).isEmpty());
        }
    }

    @Test
    void aRisingCountStopsJfrThreeRowsOfItsRiseAheadOfTheLimit() {
        FdHeadroom headroom = new FdHeadroom();
        assertTrue(headroom.exhausted(row(400, 1024L)).isEmpty());
        // +150 a row: 550 + 3 × 150 + 64 = 1064 ≥ 1024
        assertTrue(headroom.exhausted(row(550, 1024L)).orElseThrow().contains("holds 550 of its 1024 fds (+150"));
    }

    @Test
    void theReserveHoldsEvenWithoutARise() {
        FdHeadroom headroom = new FdHeadroom();
        assertTrue(headroom.exhausted(row(1024 - FdHeadroom.RESERVE - 1, 1024L)).isEmpty());
        assertTrue(headroom.exhausted(row(1024 - FdHeadroom.RESERVE, 1024L)).isPresent());
    }

    @Test
    void aRowWithoutTheLimitDecidesNothing() {
        assertTrue(new FdHeadroom().exhausted(row(5000, null)).isEmpty());
    }
}
