package dev.leakhunt.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunt.sampler.jfr.PauseStats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

class CommandLineTest {

    @Test
    void durationsInMsSecondsMinutesHours() {
        DurationConverter converter = new DurationConverter();
        assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
        assertEquals(Duration.ofSeconds(5), converter.convert("5s"));
        assertEquals(Duration.ofMinutes(5), converter.convert("5m"));
        assertEquals(Duration.ofHours(1), converter.convert("1h"));
        for (String bad : new String[] {"5", "5x", "0s", "-5s", "1.5s", ""}) {
            assertThrows(TypeConversionException.class, () -> converter.convert(bad), bad);
        }
    }

    @Test
    void badValueExits2WithOneLineNamingWhatIsValid() {
        assertOneLineError("--interval=5x", "ms, s, m or h");
        assertOneLineError("--interval=50ms", "at least 100ms");
        assertOneLineError("--keep-profiles=1", "2 or more");
        assertOneLineError("--heap-walk-every=0", "1 (every capture) or more");
        assertOneLineError("--metrics-url=ftp://x/metrics", "http:// or https://");
    }

    @Test
    void theFinalCaptureIsOnUnlessTurnedOff() {
        SamplerCommand byDefault = new SamplerCommand();
        new CommandLine(byDefault).parseArgs("--pid=1", "--out=unused");
        assertTrue(byDefault.finalCapture);
        SamplerCommand turnedOff = new SamplerCommand();
        new CommandLine(turnedOff).parseArgs("--pid=1", "--out=unused", "--no-final-capture");
        assertFalse(turnedOff.finalCapture);
    }

    private static void assertOneLineError(String option, String expected) {
        StringWriter err = new StringWriter();
        int exit = SamplerCommand.commandLine(new PrintWriter(err)).execute("--pid=1", "--out=unused", option);
        assertEquals(2, exit, option);
        String text = err.toString().strip();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(expected), text);
    }

    @Test
    void pauseP99IsNearestRank() {
        long[] pauses = new long[200];
        for (int i = 0; i < pauses.length; i++) {
            pauses[i] = (i + 1) * 1000L;
        }
        PauseStats stats = PauseStats.of(pauses);
        assertEquals(200, stats.count());
        assertEquals(198_000, stats.p99Ns());
        assertEquals(200_000, stats.maxNs());
        assertEquals(null, PauseStats.of(new long[0]));
        assertEquals(7, PauseStats.of(new long[] {7}).p99Ns());
    }
}
