package dev.leakhunt.charts.gatling;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Launches real Gatling ({@code io.gatling.app.Gatling}) in a child JVM on the test classpath, the way the
 * Maven plugin would, with everything that phones home turned off: the warm-up request and analytics by
 * configuration, and the version check (which has no switch) by JVM proxy properties pointing at a closed
 * loopback port. Gatling's own HTTP client ignores those properties, so the load still reaches the server.
 */
final class GatlingProcess {

    private static final long TIMEOUT_S = 120;

    private GatlingProcess() {
    }

    /** Runs a simulation without reports; returns the run folder holding its {@code simulation.log}. */
    static Path simulate(Class<?> simulation, Path resultsDir, List<String> systemProperties) throws Exception {
        List<String> args = new ArrayList<>(systemProperties);
        args.addAll(List.of("io.gatling.app.Gatling", "--simulation", simulation.getName(),
                "--results-folder", resultsDir.toString(), "--no-reports"));
        run(args, resultsDir.resolve("simulate.out"));
        try (var runs = Files.list(resultsDir)) {
            return runs.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Gatling wrote no run folder in " + resultsDir));
        }
    }

    /** Builds Gatling's report for a run folder and returns Gatling's console output, summary included. */
    static String reportsOnly(Path runDir) throws Exception {
        Path out = runDir.resolveSibling(runDir.getFileName() + "-report.out");
        run(List.of("io.gatling.app.Gatling", "--results-folder", runDir.getParent().toString(),
                "--reports-only", runDir.getFileName().toString()), out);
        return Files.readString(out);
    }

    private static void run(List<String> mainAndArgs, Path output) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Xmx256m",
                "-cp", System.getProperty("java.class.path"),
                "-Dgatling.http.warmUpUrl=",
                "-Dgatling.data.enableAnalytics=false"));
        int deadPort = closedLoopbackPort();
        for (String scheme : List.of("http", "https")) {
            command.add("-D" + scheme + ".proxyHost=127.0.0.1");
            command.add("-D" + scheme + ".proxyPort=" + deadPort);
        }
        command.addAll(mainAndArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Gatling did not finish in " + TIMEOUT_S + " s; see " + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Gatling exited with " + process.exitValue() + "; see " + output);
            }
        } finally {
            process.destroyForcibly();
        }
    }

    private static int closedLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
