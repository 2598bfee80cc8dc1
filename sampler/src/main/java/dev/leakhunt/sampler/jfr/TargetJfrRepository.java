package dev.leakhunt.sampler.jfr;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.leakhunt.sampler.jmx.TargetJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Moves the target's JFR disk repository into a folder of the run, so that the chunks of a target that dies without
 * exiting (OOM-killed, SIGKILL, a crash) are left with the run instead of in its temporary directory; the soak
 * assembles them into one recording (src/docs/formats.md, {@code jfr/}). A JVM that exits deletes its repository
 * wherever it is. {@code JFR.configure repositorypath=…} writes a running recording's next chunk there.
 * <p>
 * A repository the target was started with ({@code -XX:FlightRecorderOptions:repository=…}) is its owner's choice
 * and stays where it is; the lab target is started with the run's.
 */
public final class TargetJfrRepository {
    private static final String OPTIONS_FLAG = "FlightRecorderOptions";

    private TargetJfrRepository() {
    }

    /** True when the target's repository is now under {@code base}; false when it was started with its own. */
    public static boolean moveTo(TargetJvm jvm, Path base) throws IOException {
        String options = jvm.platformBean(HotSpotDiagnosticMXBean.class).getVMOption(OPTIONS_FLAG).getValue();
        if (options.contains("repository=")) {
            return false;
        }
        Files.createDirectories(base);
        jvm.diagnosticCommand("jfrConfigure", "repositorypath=" + base.toAbsolutePath());
        return true;
    }
}
