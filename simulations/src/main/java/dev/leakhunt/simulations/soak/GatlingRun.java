package dev.leakhunt.simulations.soak;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Gatling, run the way its Maven plugin runs it: {@code mvn gatling:test} forks a Gatling JVM. The plugin writes
 * results below {@code simulations/target/gatling/<simulation>-<timestamp>/} with no way to choose the folder, so
 * the run's results folder is found by the run id Gatling records as the run description, linked into the run
 * folder as {@code gatling/simulation.log} while the run goes on (a report can read it live), and moved there at
 * the end.
 */
final class GatlingRun {
    private final SoakPlan plan;
    private final Preflight preflight;
    private final RunFolder folder;
    private final Path resultsRoot;
    private final Set<Path> earlierResults;
    private ManagedProcess maven;
    private Path results;
    private Long gatlingPid;

    GatlingRun(SoakPlan plan, Preflight preflight, RunFolder folder) throws IOException {
        this.plan = plan;
        this.preflight = preflight;
        this.folder = folder;
        this.resultsRoot = plan.home().resolve("simulations/target/gatling");
        this.earlierResults = resultFolders();
    }

    /** Starts the load: {@code mvn gatling:test} with the simulation's parameters as system properties. */
    ManagedProcess start() throws IOException {
        List<String> command = maven("gatling:test");
        command.add("-Dgatling.simulationClass=" + plan.simulationClass());
        command.add("-Dgatling.noReports=true");
        command.add("-Dgatling.runDescription=" + plan.runId());
        plan.simulation().toProperties().forEach((name, value) -> command.add("-D" + name + "=" + value));
        maven = ManagedProcess.start("gatling", ChildCommands.ownSession(command), environment(), folder.log("gatling"));
        return maven;
    }

    /** Builds Gatling's HTML report from the run folder's simulation.log into gatling/; returns Maven's exit code. */
    int report() throws IOException, InterruptedException {
        List<String> command = maven("gatling:test");
        command.add("-Dgatling.reportsOnly=" + folder.gatling());
        try (ManagedProcess reporter = ManagedProcess.start("gatling-report", ChildCommands.ownSession(command),
                environment(), folder.log("gatling-report"))) {
            reporter.awaitExit(Duration.ofMinutes(30));
            return reporter.isAlive() ? -1 : reporter.ending().exitCode();
        }
    }

    /** The forked Gatling JVM below Maven, once it is running. */
    Optional<Long> gatlingPid() {
        if (gatlingPid == null && maven != null) {
            maven.handle().descendants().filter(GatlingRun::isGatlingJvm).findFirst()
                    .ifPresent(process -> gatlingPid = process.pid());
        }
        return Optional.ofNullable(gatlingPid);
    }

    /** Links gatling/simulation.log to the live log once Gatling has created it; true once linked. */
    boolean linkLiveLog() throws IOException {
        if (results == null) {
            results = findResults().orElse(null);
            if (results != null) {
                Files.deleteIfExists(folder.simulationLog());
                Files.createSymbolicLink(folder.simulationLog(), results.resolve("simulation.log"));
            }
        }
        return results != null;
    }

    /** Moves Gatling's results into the run folder's gatling/, replacing the link. Call after Gatling exited. */
    void collectResults() throws IOException {
        linkLiveLog();
        if (results == null) {
            return;
        }
        Files.deleteIfExists(folder.simulationLog());
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.toList()) {
                Files.move(file, folder.gatling().resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.delete(results);
    }

    private Optional<Path> findResults() throws IOException {
        byte[] runId = plan.runId().getBytes(StandardCharsets.UTF_8);
        for (Path candidate : resultFolders()) {
            Path log = candidate.resolve("simulation.log");
            if (!earlierResults.contains(candidate) && Files.isRegularFile(log) && headerContains(log, runId)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The run record at the start of the binary log holds the run description, i.e. our run id. */
    private static boolean headerContains(Path log, byte[] needle) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(log)) {
            head = in.readNBytes(4096);
        }
        outer:
        for (int i = 0; i + needle.length <= head.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (head[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private Set<Path> resultFolders() throws IOException {
        Set<Path> folders = new HashSet<>();
        if (Files.isDirectory(resultsRoot)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(resultsRoot, Files::isDirectory)) {
                entries.forEach(folders::add);
            }
        }
        return folders;
    }

    private List<String> maven(String goal) {
        return new ArrayList<>(List.of(preflight.mvn().toString(), "-B", "-Dstyle.color=never",
                "-f", plan.home().resolve("simulations/pom.xml").toString(), goal));
    }

    private Map<String, String> environment() {
        // Maven itself only waits on the fork; a small heap keeps it from holding memory for hours.
        return Map.of("JAVA_HOME", preflight.java().getParent().getParent().toString(),
                "MAVEN_OPTS", System.getenv().getOrDefault("MAVEN_OPTS", "-Xmx256m"));
    }

    private static boolean isGatlingJvm(ProcessHandle process) {
        try {
            String commandLine = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return commandLine.contains("io.gatling");
        } catch (IOException e) {
            return false;
        }
    }
}
