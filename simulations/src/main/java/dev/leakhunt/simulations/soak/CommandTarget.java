package dev.leakhunt.simulations.soak;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A service of the user's own, started from TARGET_CMD; up once its health path answers 2xx. */
final class CommandTarget implements TargetLauncher {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final SoakPlan plan;
    private final Preflight preflight;
    private final RunFolder folder;
    private final Manifest manifest;

    CommandTarget(SoakPlan plan, Preflight preflight, RunFolder folder, Manifest manifest) {
        this.plan = plan;
        this.preflight = preflight;
        this.folder = folder;
        this.manifest = manifest;
    }

    @Override
    public ManagedProcess start(StopSignal stop) throws IOException, StartFailedException {
        List<String> command = ChildCommands.shell(plan.targetCommand());
        if (plan.nofile() != null) {
            command = ChildCommands.withFdLimit(plan.nofile(), command);
        }
        if (preflight.cgroup() != null) {
            command = preflight.cgroup().enter(command);
        }
        command = ChildCommands.ownSession(command);
        // A launcher script passes JAVA_OPTS on to its JVM by convention; the command line itself is the user's.
        Map<String, String> environment = plan.javaOpts().isEmpty() ? Map.of()
                : Map.of("JAVA_OPTS", String.join(" ", plan.javaOpts()));
        ManagedProcess target = ManagedProcess.start("target", command, environment, folder.log("target"));
        manifest.started("target", target.pid(), target.startedMs(), command);
        try {
            Readiness.awaitHealthy(URI.create(plan.simulation().baseUrl() + plan.healthPath()), target, stop,
                    START_TIMEOUT, folder.log("target"));
            return target;
        } catch (StartFailedException | RuntimeException e) {
            manifest.ended("target", target.stop(ManagedProcess.DEFAULT_GRACE));
            throw e;
        }
    }

    @Override
    public List<String> command() {
        return ChildCommands.shell(plan.targetCommand());
    }

    @Override
    public List<String> jvmFlags() {
        return plan.javaOpts();
    }

    @Override
    public String metricsUrl() {
        return plan.metricsUrl();
    }

    /** The service itself when it is a JVM, else the first JVM it started (TARGET_CMD may be a script). */
    @Override
    public long jvmPid(ManagedProcess target) {
        if (isJava(target.handle())) {
            return target.pid();
        }
        return target.handle().descendants().filter(CommandTarget::isJava).findFirst()
                .map(ProcessHandle::pid).orElse(target.pid());
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/java")).orElse(false);
    }

    @Override
    public void close() {
        // nothing besides the target
    }
}
