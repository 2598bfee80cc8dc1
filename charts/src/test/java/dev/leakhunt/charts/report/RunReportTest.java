package dev.leakhunt.charts.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunt.charts.localize.LeakingChildProfiles;
import dev.leakhunt.charts.run.ProfileCapture;
import dev.leakhunt.charts.testing.SyntheticRun;
import dev.leakhunt.charts.verdict.Leak;
import dev.leakhunt.charts.verdict.Verdicts;
import dev.leakhunt.charts.verdict.VerdictsJson;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report is written for any run folder, saying what is missing instead of failing. */
class RunReportTest {

    @TempDir
    Path run;

    @Test
    void anEmptyFolderGetsAReportListingWhatIsMissing() throws Exception {
        RunReport.Written written = RunReport.write(run);

        String html = Files.readString(written.html());
        for (String piece : new String[] {"manifest.json: absent", "samples.csv: absent", "events.jsonl: absent",
                "gatling/simulation.log: absent"}) {
            assertTrue(html.contains(piece), piece);
        }
        assertTrue(html.contains("the run is still going"), html);
    }

    @Test
    void aRunStillBeingWrittenIsReportedFromItsCompleteRows() throws Exception {
        SyntheticRun.write(run, 120);
        // A capture still being written (no done marker) and an unreadable Gatling log.
        Files.createDirectories(run.resolve("profiles").resolve("1763900300000"));
        Files.createDirectories(run.resolve("gatling"));
        Files.writeString(run.resolve("gatling/simulation.log"), "not a gatling log");

        RunReport.Written written = RunReport.write(run);

        String html = Files.readString(written.html());
        assertTrue(html.contains("120 samples over 9m55s"), html.substring(0, 2000));
        assertTrue(html.contains("<svg"), "curves inlined");
        assertFalse(java.util.regex.Pattern.compile("(src|href)=[\"']https?:").matcher(html).find(),
                "self-contained: no resource from the network");
        assertTrue(written.missing().stream().anyMatch(m -> m.startsWith("gatling/simulation.log: unreadable")),
                written.missing().toString());
        assertTrue(written.missing().stream().anyMatch(m -> m.startsWith("profiles/: no complete capture")),
                written.missing().toString());
        assertTrue(Files.isRegularFile(run.resolve("charts/heap.svg")));
        assertFalse(Files.exists(run.resolve("report.html.tmp")));
    }

    @Test
    void aHeaderOnlySamplesFileDrawsNoCurveButStillReports() throws Exception {
        Files.writeString(run.resolve("samples.csv"), "ts_ms,threads\n1763900000000,4");

        RunReport.Written written = RunReport.write(run);

        assertEquals(1, written.missing().stream().filter(m -> m.contains("header only")).count(),
                written.missing().toString());
        assertTrue(Files.readString(written.html()).contains("No curve"));
    }

    @Test
    void theHeaderNamesTheCollectorsTheSamplerFound() throws Exception {
        SyntheticRun.write(run, 120);
        Files.writeString(run.resolve("events.jsonl"), "{\"ts_ms\":" + SyntheticRun.START_MS + ",\"type\":"
                + "\"target_jvm\",\"collectors\":[\"G1 Young Generation\",\"G1 Old Generation\"],"
                + "\"g1_heap_waste_percent\":1,\"g1_mixed_gc_live_threshold_percent\":85}\n");

        String html = Files.readString(RunReport.write(run).html());

        assertTrue(html.contains("collectors: G1 Young Generation, G1 Old Generation (G1HeapWastePercent 1, "
                + "G1MixedGCLiveThresholdPercent 85)"), html.substring(0, 2000));
    }

    @Test
    void theRecordingOfATargetThatDiedIsAmongTheRawFiles() throws Exception {
        SyntheticRun.write(run, 120);
        Files.createDirectories(run.resolve("jfr"));
        Files.writeString(run.resolve("jfr/target-4242.jfr"), "chunks");
        Files.writeString(run.resolve("events.jsonl"), "{\"ts_ms\":" + SyntheticRun.START_MS + ",\"type\":"
                + "\"jfr_assembled\",\"pid\":4242,\"file\":\"jfr/target-4242.jfr\",\"chunks\":3,\"bytes\":6}\n");

        String html = Files.readString(RunReport.write(run).html());

        assertTrue(html.contains("<a href=\"jfr/target-4242.jfr\">jfr/target-4242.jfr</a> (the JFR recording of the"
                + " target pid 4242"), html.substring(html.indexOf("Raw files")));
    }

    @Test
    void aLeakingRunNamesThePlantedLineInVerdictsJsonAndUnderItsCurve() throws Exception {
        List<ProfileCapture> captures = LeakingChildProfiles.captures();
        // An hour of samples whose 50th minute holds the child's real captures.
        SyntheticRun.write(run, 720, captures.getFirst().tsMs() - 50 * 60_000L);
        Files.createDirectories(run.resolve("profiles"));
        for (ProfileCapture capture : captures) {
            copyTree(capture.dir(), run.resolve("profiles").resolve(capture.dir().getFileName()));
        }

        RunReport.Written written = RunReport.write(run);

        String planted = LeakingChildProfiles.plantedSite("heap", "remember");
        Verdicts verdicts = VerdictsJson.read(run.resolve("verdicts.json"));
        Leak heap = verdicts.leaks().stream().filter(l -> l.series().equals("heap_live_bytes")).findFirst()
                .orElseThrow(() -> new AssertionError("no heap_live_bytes leak in " + verdicts.leaks()));
        assertEquals("heap", heap.kind());
        assertEquals(planted, heap.sites().getFirst());
        String html = Files.readString(written.html());
        assertTrue(html.contains("id=\"leak-heap_live_bytes\""), "localization anchor");
        assertTrue(html.indexOf("<code>" + planted + "</code>") > html.indexOf("<svg"),
                "the planted line is named under the curves");
    }

    @Test
    void eachLeakSaysSinceWhenTheLiveVerdictConfirmedItElseWhenAReplayDoes() throws Exception {
        SyntheticRun.write(run, 720);

        RunReport.write(run);

        long replayedMs = heapLeak().sinceMs().orElseThrow();
        assertTrue(replayedMs > SyntheticRun.START_MS + 5 * 60_000 && replayedMs < SyntheticRun.START_MS + 3_600_000,
                "the hour-long leak confirmed at +" + (replayedMs - SyntheticRun.START_MS) / 1000 + " s");
        long confirmedMs = SyntheticRun.START_MS + 1_234_000;
        Files.writeString(run.resolve("events.jsonl"), "{\"ts_ms\":" + (confirmedMs + 60_000)
                + ",\"type\":\"leak_confirmed\",\"series\":\"heap_live_bytes\",\"since_ms\":" + confirmedMs
                + ",\"slope_per_hour\":2.0E7,\"unit\":\"bytes\"}\n");

        RunReport.write(run);

        assertEquals(confirmedMs, heapLeak().sinceMs().orElseThrow());
    }

    private Leak heapLeak() throws java.io.IOException {
        Verdicts verdicts = VerdictsJson.read(run.resolve("verdicts.json"));
        return verdicts.leaks().stream().filter(l -> l.series().equals("heap_live_bytes")).findFirst()
                .orElseThrow(() -> new AssertionError("no heap_live_bytes leak in " + verdicts.leaks()));
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()));
            }
        }
    }
}
