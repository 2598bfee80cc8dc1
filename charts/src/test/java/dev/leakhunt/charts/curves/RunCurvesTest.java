package dev.leakhunt.charts.curves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunt.charts.run.RunFolder;
import dev.leakhunt.charts.testing.SyntheticRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** A 24 h run at 5 s rendered to SVG: well-formed, small, with its series, marks and load overlay. */
class RunCurvesTest {

    private static final int DAY_OF_ROWS = 17_280;
    private static final long MAX_SVG_BYTES = 200_000;

    @TempDir
    static Path runDir;

    static Map<String, RunCurves.Rendered> charts;

    @BeforeAll
    static void renderADay() throws IOException {
        SyntheticRun.write(runDir, DAY_OF_ROWS);
        RunFolder run = RunFolder.open(runDir);
        long start = SyntheticRun.START_MS;
        ChartMarks marks = new ChartMarks(OptionalLong.of(start + 3_600_000),
                List.of(start + 7_200_000, start + 43_200_000), run.events());
        charts = RunCurves.write(run.samples().orElseThrow(), new TimeAxis(start, SyntheticRun.endMs(DAY_OF_ROWS)),
                        group -> new RunCurves.Annotations(marks,
                                Optional.of(group.id()).filter("heap"::equals).map(id -> "live heap: leak")),
                        Optional.of(load(start)), runDir.resolve("charts"))
                .stream().collect(Collectors.toMap(r -> r.group().id(), r -> r));
    }

    @Test
    void drawsOnlyTheGroupsTheSamplesHold() {
        assertEquals(List.of("threads", "heap", "rss", "fds", "gc_pause", "gc_cpu", "request_p99"),
                charts.values().stream().map(r -> r.group().id())
                        .sorted(java.util.Comparator.comparingInt(id -> CurveCatalog.groups().stream()
                                .map(CurveGroup::id).toList().indexOf(id)))
                        .toList());
    }

    @Test
    void everyChartIsWellFormedAndSmall() throws Exception {
        for (RunCurves.Rendered chart : charts.values()) {
            long size = Files.size(chart.file());
            assertTrue(size < MAX_SVG_BYTES, chart.file() + " is " + size + " bytes");
            Document svg = parse(chart.file());
            assertEquals("svg", svg.getDocumentElement().getTagName());
        }
    }

    @Test
    void heapChartNamesItsLinesMarksAxesAndLoad() throws Exception {
        String text = texts(parse(charts.get("heap").file()));
        for (String expected : List.of("live heap (after GC)", "heap used", "heap committed", "profile capture",
                "warm-up", "OOM-killed", "target restarted", "Gatling p99 (ms)", "Gatling requests (per s)",
                "heap max", "heap (GiB)", "time since start (h)", "live heap: leak")) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in " + text);
        }
        assertEquals(List.of("heap_live_bytes", "heap_used_bytes", "heap_committed_bytes", "heap_max_bytes"),
                charts.get("heap").columns());
    }

    @Test
    void aLimitFarAboveTheCurvesIsLeftOut() throws Exception {
        // ~30 fds against a limit of 1,048,576: drawing the limit would flatten the curve to the axis.
        String text = texts(parse(charts.get("fds").file()));
        assertTrue(text.contains("all fds"), text);
        assertFalse(text.contains("fd limit"), text);
    }

    @Test
    void theSinglePauseSpikeSurvivesDownsampling() throws Exception {
        String text = texts(parse(charts.get("gc_pause").file()));
        // The y axis must reach the 250 ms spike among ~2-3 ms pauses: its tick labels go past 200.
        assertTrue(text.contains("200"), text);
    }

    private static LoadOverlay load(long start) {
        int buckets = DAY_OF_ROWS / 2;
        long[] ts = new long[buckets];
        double[] p99 = new double[buckets];
        double[] rate = new double[buckets];
        for (int i = 0; i < buckets; i++) {
            ts[i] = start + i * 10_000L;
            p99[i] = 5 + (i % 7) * 0.3 + (i % 977 == 0 ? 40 : 0);
            rate[i] = 200;
        }
        return new LoadOverlay(ts, p99, rate);
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static String texts(Document svg) {
        NodeList nodes = svg.getElementsByTagName("text");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < nodes.getLength(); i++) {
            all.append(nodes.item(i).getTextContent()).append(" | ");
        }
        return all.toString();
    }
}
