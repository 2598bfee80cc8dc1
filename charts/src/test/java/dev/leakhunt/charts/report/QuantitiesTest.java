package dev.leakhunt.charts.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuantitiesTest {

    @Test
    void bytesTakeABinaryPrefixAndThreeFigures() {
        assertEquals("512 B", Quantities.bytes(512));
        assertEquals("1.5 KiB", Quantities.bytes(1536));
        assertEquals("38.1 MiB", Quantities.bytes(39_900_000));
        assertEquals("-2.0 GiB", Quantities.bytes(-2.0 * (1L << 30)));
        assertEquals("+122 MiB", Quantities.signedBytes(128_000_000));
    }

    @Test
    void slopesKeepTheirUnitAndTinyOnesStayReadable() {
        assertEquals("+19.1 MiB/h", VerdictText.perHour(20_000_000, "bytes"));
        assertEquals("+12/h", VerdictText.perHour(12, "count"));
        assertEquals("+0.25 ms/h", VerdictText.perHour(250_000, "ns"));
        assertEquals("+3.37e-7 cores/h", VerdictText.perHour(3.37e-7, "s/s"));
        assertEquals("–", VerdictText.perHour(Double.NaN, "bytes"));
    }

    @Test
    void timeSinceStartReadsInMinutesThenHours() {
        assertEquals("+9m55s", Quantities.sinceStart(595_000, 0));
        assertEquals("+25h03m", Quantities.sinceStart(90_180_000, 0));
    }
}
