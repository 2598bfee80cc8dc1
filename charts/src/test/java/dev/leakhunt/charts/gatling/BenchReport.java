package dev.leakhunt.charts.gatling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code make bench-report}: builds (once) the synthetic 24 h run of {@link SyntheticRunFolder}, then times the
 * report in a child JVM capped at {@code -Xmx1g} and prints its wall-clock time and peak heap. Two steps are
 * timed: this half's log reading and verdicts for every column ({@link LogAndVerdictsStep}), and, when
 * {@code charts.jar} has been built, the whole {@code report} command.
 *
 * <p>Peak heap is read from the child's own GC log: the heap used before each collection (the local maxima of
 * a heap that only grows between collections) and at exit. Exits 1 when a step misses a target.
 */
final class BenchReport {

    static final double TARGET_SECONDS = 60;
    static final long HEAP_LIMIT_MB = 1024;
    private static final Pattern BEFORE_GC_MB = Pattern.compile(" (\\d+)M->\\d+M\\(\\d+M\\)");
    private static final Pattern USED_AT_EXIT_KB = Pattern.compile("used (\\d+)K");
    private static final String COMPLETE_MARKER = "bench-run-complete";

    private BenchReport() {
    }

    /** Arguments: the run folder to build and report, formats.md, charts.jar. */
    public static void main(String[] args) throws Exception {
        Path run = Path.of(args[0]).toAbsolutePath();
        Path formats = Path.of(args[1]);
        Path chartsJar = Path.of(args[2]).toAbsolutePath();
        if (!Files.exists(run.resolve(COMPLETE_MARKER))) {
            long t0 = System.nanoTime();
            SyntheticRunFolder.write(run, formats);
            Files.writeString(run.resolve(COMPLETE_MARKER), "");
            System.out.printf(Locale.ROOT, "bench-report: built %s in %.1f s (simulation.log %,d bytes)%n", run,
                    (System.nanoTime() - t0) / 1e9, Files.size(run.resolve("gatling").resolve("simulation.log")));
        }
        boolean met = time("log reading + verdicts of every column",
                List.of("-cp", System.getProperty("java.class.path"), LogAndVerdictsStep.class.getName(),
                        run.toString()), run);
        if (Files.isRegularFile(chartsJar)) {
            met &= time("full report (java -jar charts.jar report)",
                    List.of("-jar", chartsJar.toString(), "report", run.toString()), run);
        } else {
            System.out.println("bench-report: " + chartsJar + " not built; the full report was not timed");
        }
        System.exit(met ? 0 : 1);
    }

    private static boolean time(String step, List<String> mainAndArgs, Path run) throws IOException,
            InterruptedException {
        Path gcLog = run.resolve("bench-gc.log");
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_LIMIT_MB + "m", "-Xlog:gc,gc+heap+exit:file=" + gcLog));
        command.addAll(mainAndArgs);
        long t0 = System.nanoTime();
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peakMb = peakHeapMb(gcLog);
        boolean met = exit == 0 && seconds <= TARGET_SECONDS && peakMb <= HEAP_LIMIT_MB;
        System.out.printf(Locale.ROOT, "bench-report: %s: %.1f s, peak heap %d MB with -Xmx%dm (targets <= %.0f s,"
                + " <= %d MB)%s%n", step, seconds, peakMb, HEAP_LIMIT_MB, TARGET_SECONDS, HEAP_LIMIT_MB,
                exit != 0 ? ": FAILED, exit " + exit : met ? ": met" : ": MISSED");
        return met;
    }

    static long peakHeapMb(Path gcLog) throws IOException {
        long peakMb = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher before = BEFORE_GC_MB.matcher(line);
            if (before.find()) {
                peakMb = Math.max(peakMb, Long.parseLong(before.group(1)));
            }
            Matcher exit = USED_AT_EXIT_KB.matcher(line);
            if (exit.find()) {
                peakMb = Math.max(peakMb, Long.parseLong(exit.group(1)) / 1024);
            }
        }
        return peakMb;
    }
}
