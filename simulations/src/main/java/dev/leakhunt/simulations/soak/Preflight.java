package dev.leakhunt.simulations.soak;

import dev.leakhunt.simulations.mix.MixFile;
import dev.leakhunt.simulations.mix.MixFileException;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Every check that can refuse a soak, done before anything starts: a refusal leaves no process, folder or cgroup
 * behind. What it prepares for the run (the tools, the memory cgroup) it hands to {@link Soak}, which owns it.
 *
 * @param java   the java launcher of this JDK 25, used for every child JVM
 * @param mvn    Maven, which runs Gatling through its plugin
 * @param cgroup the target's memory cgroup when MEMORY_LIMIT is set, else null
 */
public record Preflight(Path java, Path mvn, MemoryCgroup cgroup) {
    static final int REQUIRED_JAVA = 25;

    static Preflight check(SoakPlan plan) throws BadInputException {
        Path javaHome = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() != REQUIRED_JAVA || !Files.isExecutable(javaHome.resolve("bin/javac"))) {
            throw new BadInputException("a JDK " + REQUIRED_JAVA + " is required (this is " + Runtime.version() + " at "
                    + javaHome + (Files.isExecutable(javaHome.resolve("bin/javac")) ? "" : ", without javac")
                    + "): install one, e.g. temurin-25-jdk, and run through make, which finds it");
        }
        Path mvn = onPath("mvn").orElseThrow(() -> new BadInputException(
                "Maven (mvn) is not on the PATH; it runs Gatling: install Maven 3.8+"));
        requireFile(plan.home().resolve("simulations/pom.xml"), "the leakhunt checkout");
        requireFile(plan.jar("sampler", "sampler.jar"), "the sampler");
        if (plan.labTarget()) {
            requireFile(plan.jar("target-app", "target-app.jar"), "the lab target");
            requireFreePort(plan.port(), "the lab target's port (--port)");
        } else {
            checkForeignTarget(plan);
        }
        if (Files.exists(plan.run().resolve("manifest.json"))) {
            throw new BadInputException("run folder " + plan.run() + " already holds a run; choose another RUN or leave it out");
        }
        MemoryCgroup cgroup = null;
        if (plan.memoryLimitBytes() != null) {
            try {
                cgroup = MemoryCgroup.create(plan.runId(), plan.memoryLimitBytes());
            } catch (IOException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        return new Preflight(javaHome.resolve("bin/java"), mvn, cgroup);
    }

    private static void checkForeignTarget(SoakPlan plan) throws BadInputException {
        try {
            MixFile.read(Path.of(plan.simulation().mixFile()));
        } catch (MixFileException e) {
            throw new BadInputException(e.getMessage());
        }
        if (plan.targetCommand() != null) {
            int port = plan.targetUrl().getPort();
            requireFreePort(port, "TARGET_URL's port");
        } else if (ProcessHandle.of(plan.targetPid()).filter(ProcessHandle::isAlive).isEmpty()) {
            throw new BadInputException("TARGET_PID " + plan.targetPid() + " is not a running process");
        }
    }

    private static void requireFile(Path file, String what) throws BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(what + " is not built (" + file + " is missing): run 'make build' first");
        }
    }

    private static void requireFreePort(int port, String what) throws BadInputException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new BadInputException(what + " " + port + " is busy on 127.0.0.1 (" + e.getMessage()
                    + "): stop what listens there or choose a free port");
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }
}
