package dev.leakhunt.target.admin;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** Class histograms and heap dumps of this process, through the same MBeans jcmd uses. */
final class HeapDiagnostics {
    private static final ObjectName DIAGNOSTIC_COMMAND = diagnosticCommand();

    private HeapDiagnostics() {
    }

    /**
     * {@code GC.class_histogram}. With {@code forceGc} it runs a full GC first and counts live objects only
     * (a stop-the-world pause of hundreds of ms on a large heap); without, {@code -all} counts every object
     * still on the heap, dead or alive, and pauses only for the heap walk.
     */
    static String classHistogram(boolean forceGc) throws JMException {
        return forceGc ? diagnosticCommand("gcClassHistogram") : diagnosticCommand("gcClassHistogram", "-all");
    }

    /** Writes an hprof of the live objects (a full GC first) under {@code dir}; returns its path. */
    static Path heapDump(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("heap-" + System.currentTimeMillis() + ".hprof").toAbsolutePath();
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), true);
        return file;
    }

    /** Runs a diagnostic command such as {@code jfrDump} with jcmd-style arguments; returns its output. */
    static String diagnosticCommand(String operation, String... arguments) throws JMException {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(DIAGNOSTIC_COMMAND, operation,
                new Object[] {arguments}, new String[] {String[].class.getName()});
    }

    private static ObjectName diagnosticCommand() {
        try {
            return new ObjectName("com.sun.management:type=DiagnosticCommand");
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
