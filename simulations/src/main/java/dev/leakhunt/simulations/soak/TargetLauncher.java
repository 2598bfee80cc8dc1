package dev.leakhunt.simulations.soak;

import java.io.IOException;
import java.util.List;

/** Starts the service under test — again after a crash when RESTART=1 — and says how the sampler reaches it. */
interface TargetLauncher extends AutoCloseable {

    /** Starts the target and returns once it serves requests. */
    ManagedProcess start(StopSignal stop) throws IOException, StartFailedException;

    /** The target's command line as started (for the manifest). */
    List<String> command();

    /** The JVM flags the target runs with (for the manifest). */
    List<String> jvmFlags();

    /** The target's Prometheus endpoint for the sampler, or null. */
    String metricsUrl();

    /** The pid of the target's JVM: the process itself, or a java process it started (a launcher script). */
    long jvmPid(ManagedProcess target);

    /** Stops what the launcher started besides the target (the lab's downstream). */
    @Override
    void close();
}
