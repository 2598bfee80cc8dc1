package dev.leakhunt.simulations.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The paths of one run folder, as src/docs/formats.md lays it out. */
public record RunFolder(Path root) {

    /** Creates the folder and its logs/ and gatling/ subfolders; refuses a folder that already holds a run. */
    public static RunFolder create(Path root) throws IOException {
        RunFolder folder = new RunFolder(root.toAbsolutePath().normalize());
        if (Files.exists(folder.manifest())) {
            throw new IOException("run folder " + root + " already holds a run (manifest.json); choose another RUN");
        }
        Files.createDirectories(folder.logs());
        Files.createDirectories(folder.gatling());
        return folder;
    }

    public Path manifest() {
        return root.resolve("manifest.json");
    }

    public Path events() {
        return root.resolve("events.jsonl");
    }

    public Path samples() {
        return root.resolve("samples.csv");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path log(String role) {
        return logs().resolve(role + ".log");
    }

    /** The Gatling JVM's resident set over the run: {@code ts_ms,pid,rss_bytes}. */
    public Path driverRss() {
        return logs().resolve("gatling-rss.csv");
    }

    /**
     * The JFR disk repository of the targets the soak started, one {@code <start>_<pid>} folder per JVM while it
     * runs (a JVM that exits deletes its own); {@code target-<pid>.jfr} for each that died without exiting.
     */
    public Path jfr() {
        return root.resolve("jfr");
    }

    public Path gatling() {
        return root.resolve("gatling");
    }

    public Path simulationLog() {
        return gatling().resolve("simulation.log");
    }
}
