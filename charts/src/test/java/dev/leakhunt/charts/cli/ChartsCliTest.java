package dev.leakhunt.charts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsCliTest {

    @TempDir
    Path run;

    @Test
    void diffOfCapturesThatDoNotExistIsAUsageError() {
        assertEquals(2, ChartsCli.run("diff", run.toString(), "--from=1", "--to=2"));
    }

    @Test
    void aFolderThatDoesNotExistFailsWithOneLine() {
        assertEquals(1, ChartsCli.run("report", run.resolve("nope").toString()));
    }

    @Test
    void anUnknownSubcommandIsAUsageError() {
        assertEquals(2, ChartsCli.run("plot", run.toString()));
    }
}
