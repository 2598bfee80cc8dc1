package dev.leakhunt.simulations.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunt.simulations.soak.Leak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's judgement of a run folder, on folders written as formats.md specifies them. */
class CaseResultTest {
    private static final String MAP_SITE = "dev.leakhunt.target.leaks.WriteReceipts.answer(WriteReceipts.java:44)";

    @TempDir
    Path run;

    @Test
    void aConfirmedAndLocalizedLeakPassesWithItsTimes() throws IOException {
        write("stopped_on_leak", series("heap_live_bytes", "leak") + "," + series("os_threads", "flat"),
                leak("heap_live_bytes", MAP_SITE),
                event(1_000, "load_start", "") + event(100_000, "leak_confirmed",
                        ",\"series\":\"heap_live_bytes\",\"since_ms\":91000"));
        CaseResult result = CaseResult.read(GateCase.of(Leak.map), 42, run);
        assertTrue(result.passed(), result.failures().toString());
        assertTrue(result.detected() && result.localized());
        assertEquals(new CaseResult.Detection(90_000, 99_000), result.detection().orElseThrow());
        String line = GateLine.of(result, java.time.Duration.ofSeconds(100));
        assertTrue(line.startsWith("PASS map    seed 42  stopped_on_leak  heap_live_bytes leak +3.6 MB/h; first leak 1m30s,"
                        + " confirmed 1m39s after the load start; at WriteReceipts.answer(WriteReceipts.java:44)"), line);
    }

    @Test
    void aLeakNamedElsewhereFailsOnItsLocalization() throws IOException {
        write("stopped_on_leak", series("heap_live_bytes", "leak"),
                leak("heap_live_bytes", "org.eclipse.jetty.util.ArrayTrie.<init>(ArrayTrie.java:188)"), "");
        CaseResult result = CaseResult.read(GateCase.of(Leak.map), 42, run);
        assertTrue(result.detected());
        assertFalse(result.localized());
        assertEquals(List.of("the localization does not name dev.leakhunt.target.leaks.WriteReceipts.answer"
                + " (sites: org.eclipse.jetty.util.ArrayTrie.<init>(ArrayTrie.java:188))"), result.failures());
    }

    @Test
    void aMissedLeakFailsWithTheVerdictsReason() throws IOException {
        write("completed", series("os_threads", "leak") + "," + series("heap_live_bytes", "plateau"), "", "");
        CaseResult result = CaseResult.read(GateCase.of(Leak.ticker), 42, run);
        assertFalse(result.detected());
        assertTrue(result.failures().contains("heap_live_bytes is plateau, not leak (because)"), result.failures().toString());
    }

    @Test
    void theControlFailsOnAnyLeakOfTheTargetAndOnSeriesItCouldNotJudge() throws IOException {
        write("completed", series("os_threads", "flat") + "," + series("open_fds", "inconclusive") + ","
                + series("heap_live_bytes", "plateau") + "," + series("rss_bytes", "leak") + ","
                + series("sampler_rss_bytes", "leak") + "," + theJvmsOwnKindsFlat(), "", "");
        CaseResult result = CaseResult.read(GateCase.of(Leak.none), 42, run);
        assertEquals(List.of("the control leaks on rss_bytes (+3.6 MB/h)",
                "the control's open_fds is inconclusive (because): it proves nothing"), result.failures(),
                "the sampler's own RSS is the instrument's, not the target's");
        assertEquals(List.of("rss_bytes"), result.targetLeaks(), "what bench-detect counts as a false positive");
    }

    @Test
    void aCleanJudgedControlPasses() throws IOException {
        write("completed", series("os_threads", "flat") + "," + series("open_fds", "flat") + ","
                + series("heap_live_bytes", "plateau") + "," + theJvmsOwnKindsFlat(), "", "");
        assertTrue(CaseResult.read(GateCase.of(Leak.none), 42, run).passed());
    }

    /** The watched series of the vthread, direct and metaspace cases, judged flat. */
    private static String theJvmsOwnKindsFlat() {
        return series("virtual_threads", "flat") + "," + series("direct_buffer_bytes", "flat") + ","
                + series("classes_loaded", "flat");
    }

    private static String series(String name, String verdict) {
        return "\"" + name + "\":{\"verdict\":\"" + verdict + "\",\"slope_per_hour\":3600000.0,\"unit\":\""
                + (name.endsWith("_bytes") ? "bytes" : "count") + "\",\"reason\":\"because\"}";
    }

    private static String leak(String series, String site) {
        return "{\"series\":\"" + series + "\",\"kind\":\"heap\",\"sites\":[\"" + site + "\"]}";
    }

    private static String event(long tsMs, String type, String fields) {
        return "{\"ts_ms\":" + tsMs + ",\"type\":\"" + type + "\"" + fields + "}\n";
    }

    private void write(String outcome, String series, String leaks, String events) throws IOException {
        Files.writeString(run.resolve("manifest.json"), "{\"outcome\":\"" + outcome + "\"}");
        Files.writeString(run.resolve("verdicts.json"), "{\"series\":{" + series + "},\"leaks\":[" + leaks + "],\"slo\":[]}");
        // A writer killed mid-line leaves a partial last line; the reader skips it.
        Files.writeString(run.resolve("events.jsonl"), events + "{\"ts_ms\":12");
    }
}
