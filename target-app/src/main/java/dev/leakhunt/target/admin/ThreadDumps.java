package dev.leakhunt.target.admin;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Thread dumps of this process: grouped (the {@code goroutine?debug=1} analog), full, and the JDK's JSON. */
final class ThreadDumps {
    private static final int NAMES_SHOWN = 3;

    private ThreadDumps() {
    }

    /**
     * Platform threads grouped by identical state and stack, largest group first:
     * <pre>
     * 412 platform threads in 23 groups (virtual threads: /debug/threads.json)
     *
     * 380 WAITING quote-estimator-1, quote-estimator-2, quote-estimator-5, …
     *     java.base@25.0.3/jdk.internal.misc.Unsafe.park(Native Method)
     *     …
     * </pre>
     */
    static String grouped() {
        ThreadInfo[] threads = threadMx().dumpAllThreads(false, false);
        Map<String, List<ThreadInfo>> groups = new LinkedHashMap<>();
        for (ThreadInfo thread : threads) {
            if (thread != null) {
                groups.computeIfAbsent(groupKey(thread), key -> new ArrayList<>()).add(thread);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(threads.length).append(" platform threads in ").append(groups.size())
                .append(" groups (virtual threads: /debug/threads.json)\n");
        groups.values().stream()
                .sorted(Comparator.comparingInt((List<ThreadInfo> group) -> group.size()).reversed())
                .forEach(group -> {
                    out.append('\n').append(group.size()).append(' ').append(group.getFirst().getThreadState()).append(' ');
                    out.append(String.join(", ", group.stream().limit(NAMES_SHOWN).map(ThreadInfo::getThreadName).toList()));
                    out.append(group.size() > NAMES_SHOWN ? ", …\n" : "\n");
                    for (StackTraceElement frame : group.getFirst().getStackTrace()) {
                        out.append("    ").append(frame).append('\n');
                    }
                });
        return out.toString();
    }

    /** Every platform thread with its full stack and the locks it holds, in the shape of a jstack dump. */
    static String full() {
        StringBuilder out = new StringBuilder();
        for (ThreadInfo thread : threadMx().dumpAllThreads(true, true)) {
            if (thread == null) {
                continue;
            }
            out.append('"').append(thread.getThreadName()).append("\" #").append(thread.getThreadId())
                    .append(thread.isDaemon() ? " daemon" : "").append(' ').append(thread.getThreadState());
            if (thread.getLockName() != null) {
                out.append(" on ").append(thread.getLockName());
            }
            out.append('\n');
            StackTraceElement[] frames = thread.getStackTrace();
            MonitorInfo[] monitors = thread.getLockedMonitors();
            for (int depth = 0; depth < frames.length; depth++) {
                out.append("    at ").append(frames[depth]).append('\n');
                for (MonitorInfo monitor : monitors) {
                    if (monitor.getLockedStackDepth() == depth) {
                        out.append("    - locked ").append(monitor).append('\n');
                    }
                }
            }
            for (LockInfo synchronizer : thread.getLockedSynchronizers()) {
                out.append("    - holds ").append(synchronizer).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The JDK's JSON thread dump, which also lists virtual threads (ThreadMXBean does not see them). */
    static byte[] json(Path scratchDir) throws IOException {
        Files.createDirectories(scratchDir);
        Path file = Files.createTempFile(scratchDir, "threads-", ".json");
        try {
            Files.delete(file); // dumpThreads refuses to overwrite
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toAbsolutePath().toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String groupKey(ThreadInfo thread) {
        return thread.getThreadState() + "\n" + Arrays.toString(thread.getStackTrace());
    }

    private static ThreadMXBean threadMx() {
        return ManagementFactory.getThreadMXBean();
    }
}
