package dev.leakhunt.sampler.jmx;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.PlatformManagedObject;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JMX connection to a local JVM through the Attach API's local management agent: nothing of ours runs in the
 * target, and the target needs no flag (only the same user and no {@code -XX:+DisableAttachMechanism}).
 */
public final class TargetJvm implements AutoCloseable {
    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    private final JMXConnector connector;
    private final MBeanServerConnection connection;
    /** Null until asked (a benign race: two threads may both ask the target, and get the same answer). */
    private volatile Boolean tracksNativeMemory;

    private TargetJvm(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.connection = connector.getMBeanServerConnection();
    }

    public static TargetJvm attach(long pid) throws IOException {
        String url;
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                url = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException e) {
            throw new IOException("cannot attach to pid " + pid + ": " + e.getMessage(), e);
        }
        return new TargetJvm(JMXConnectorFactory.connect(new JMXServiceURL(url)));
    }

    public MBeanServerConnection connection() {
        return connection;
    }

    public <T extends PlatformManagedObject> T platformBean(Class<T> type) throws IOException {
        return ManagementFactory.getPlatformMXBean(connection, type);
    }

    public <T extends PlatformManagedObject> List<T> platformBeans(Class<T> type) throws IOException {
        return ManagementFactory.getPlatformMXBeans(connection, type);
    }

    /**
     * Runs a diagnostic command (what {@code jcmd} runs) and returns its text output.
     *
     * @param operation the MBean operation, e.g. {@code gcClassHistogram} for {@code GC.class_histogram}
     */
    public String diagnosticCommand(String operation, String... arguments) throws IOException {
        try {
            Object out = connection.invoke(new ObjectName(DIAGNOSTIC_COMMAND), operation,
                    new Object[] {arguments}, new String[] {String[].class.getName()});
            return out == null ? "" : out.toString();
        } catch (JMException e) {
            throw new IOException(operation + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * True when the target started with {@code -XX:NativeMemoryTracking=summary} (or {@code detail}). A start-up
     * option, so asked once: the row sampler and every profile capture want it.
     */
    public boolean tracksNativeMemory() throws IOException {
        Boolean tracks = tracksNativeMemory;
        if (tracks == null) {
            tracks = !platformBean(HotSpotDiagnosticMXBean.class).getVMOption("NativeMemoryTracking").getValue()
                    .equals("off");
            tracksNativeMemory = tracks;
        }
        return tracks;
    }

    /** {@code VM.native_memory summary scale=KB}: the memory the JVM committed, by category. */
    public String nativeMemorySummary() throws IOException {
        return diagnosticCommand("vmNativeMemory", "summary", "scale=KB");
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
