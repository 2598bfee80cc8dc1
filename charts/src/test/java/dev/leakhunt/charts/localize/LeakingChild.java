package dev.leakhunt.charts.localize;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import javax.management.ObjectName;

/**
 * A JVM that leaks on purpose — a request-keyed map, parked threads, open directory streams (an fd the JDK does
 * not reclaim at GC) — and captures two profile folders of itself in the format of formats.md, with the same
 * JDK facilities the sampler uses: a JFR dump with paths to GC roots and the class histogram through the
 * DiagnosticCommand MBean, and its native memory by category. Run by {@link LeakingChildProfiles} with
 * {@code -XX:StartFlightRecording:name=leakhunt,memory-leaks=gc-roots -XX:NativeMemoryTracking=summary}.
 * The lines marked {@code LEAK-SITE} are what localization must name; {@code BUSY-SITE} starts more threads than
 * the leak but every one ends, and must not be blamed first.
 * <p>
 * The map's values are built by another class ({@link LeakValues}), as a service's are by its serializer, and
 * the map is a small part of what the JVM allocates: {@link #churn} passes 20 times as many bytes, in larger
 * arrays that JFR samples far more often, through a bounded ring that is full at both captures.
 */
public final class LeakingChild {

    static final Map<Long, byte[]> REMEMBERED = new ConcurrentHashMap<>();
    /** A bounded buffer of recent work: 32 MB alive at any time, none of it growing. */
    static final byte[][] RECENT = new byte[512][];
    private static final int CHURN_ARRAY_BYTES = 64 * 1024;
    private static final int CHURN_FACTOR = 20;
    private static int recentNext;
    static final List<DirectoryStream<Path>> OPEN_DIRECTORIES = new ArrayList<>();
    private static final CountDownLatch NEVER = new CountDownLatch(1);
    private static final ObjectName DIAGNOSTIC_COMMAND = name("com.sun.management:type=DiagnosticCommand");

    private LeakingChild() {
    }

    public static void main(String[] args) throws Exception {
        Path profiles = Files.createDirectories(Path.of(args[0]).resolve("profiles"));
        leak(0, 2_000, 2, 2);
        settle();
        capture(profiles);
        leak(2_000, 80_000, 12, 6);
        settle();
        capture(profiles);
    }

    private static void leak(int fromKey, int toKey, int threads, int directories) throws IOException {
        for (long key = fromKey; key < toKey; key++) {
            remember(key);
            if (key % 64 == 0) {
                churn(CHURN_FACTOR * 64 * LeakValues.VALUE_BYTES);
            }
        }
        for (int i = 0; i < threads; i++) {
            startParkedWorker(fromKey + i);
        }
        // Busy, not leaking: more threads started here than at the leak, every one of them ends.
        for (int i = 0; i < 2 * threads; i++) {
            runShortLivedWorker(fromKey + i);
        }
        for (int i = 0; i < directories; i++) {
            openDirectory(Path.of(System.getProperty("java.home")));
        }
    }

    static void remember(long key) {
        REMEMBERED.put(key, LeakValues.render(key)); // LEAK-SITE heap
    }

    /** Work that allocates {@code bytes} and keeps only the latest 32 MB of it. */
    static void churn(long bytes) {
        for (long done = 0; done < bytes; done += CHURN_ARRAY_BYTES) {
            RECENT[recentNext] = new byte[CHURN_ARRAY_BYTES];
            recentNext = (recentNext + 1) % RECENT.length;
        }
    }

    static void startParkedWorker(int n) {
        Thread worker = new Thread(LeakingChild::parkForever, "parked-worker-" + n);
        worker.setDaemon(true);
        worker.start(); // LEAK-SITE threads
    }

    static void runShortLivedWorker(int n) {
        Thread worker = new Thread(() -> { }, "short-lived-worker-" + n);
        worker.start(); // BUSY-SITE threads
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void openDirectory(Path dir) throws IOException {
        OPEN_DIRECTORIES.add(Files.newDirectoryStream(dir)); // LEAK-SITE fds
    }

    private static void parkForever() {
        try {
            NEVER.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * JFR stamps events with its own tick clock, the capture folder with {@code currentTimeMillis}; they can
     * disagree by a few ms, and a thread started just before a capture must not fall into the next window.
     */
    private static void settle() throws InterruptedException {
        Thread.sleep(50);
    }

    private static void capture(Path profiles) throws Exception {
        long ts = System.currentTimeMillis();
        Path dir = Files.createDirectories(profiles.resolve(Long.toString(ts)));
        diagnosticCommand("jfrDump", "name=leakhunt", "filename=" + dir.resolve("heap.jfr"), "path-to-gc-roots=true");
        Files.writeString(dir.resolve("histogram.txt"), diagnosticCommand("gcClassHistogram"));
        Files.writeString(dir.resolve("nmt.txt"), diagnosticCommand("vmNativeMemory", "summary", "scale=KB"));
        Files.writeString(dir.resolve("threads.txt"), groupedThreads());
        Files.writeString(dir.resolve("fds.tsv"), fds());
        Files.createFile(dir.resolve("done"));
    }

    private static String diagnosticCommand(String operation, String... arguments) throws Exception {
        Object result = ManagementFactory.getPlatformMBeanServer().invoke(DIAGNOSTIC_COMMAND, operation,
                new Object[] {arguments}, new String[] {String[].class.getName()});
        return String.valueOf(result);
    }

    /** threads.txt as the sampler writes it (formats.md); platform threads only, which is all this JVM has. */
    private static String groupedThreads() {
        Map<String, List<String>> namesByGroup = new LinkedHashMap<>();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            StringBuilder group = new StringBuilder(thread.getState().name()).append('\n');
            for (StackTraceElement frame : stack) {
                group.append("    ").append(frame).append('\n');
            }
            namesByGroup.computeIfAbsent(group.toString(), k -> new ArrayList<>()).add(thread.getName());
        });
        StringBuilder out = new StringBuilder("# ").append(namesByGroup.values().stream().mapToInt(List::size).sum())
                .append(" threads in ").append(namesByGroup.size()).append(" groups\n");
        namesByGroup.entrySet().stream()
                .sorted((a, b) -> b.getValue().size() - a.getValue().size())
                .forEach(e -> {
                    String[] stateAndFrames = e.getKey().split("\n", 2);
                    out.append('\n').append(e.getValue().size()).append(' ').append(stateAndFrames[0])
                            .append(" platform: ").append(String.join(", ", e.getValue())).append('\n')
                            .append(stateAndFrames[1]);
                });
        return out.toString();
    }

    private static String fds() throws IOException {
        StringBuilder out = new StringBuilder("fd\tkind\ttarget\tsocket_state\tlocal\tpeer\n");
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException closedMeanwhile) {
                    continue;
                }
                String kind = target.startsWith("socket:") ? "socket" : target.startsWith("pipe:") ? "pipe"
                        : target.startsWith("anon_inode:") ? "anon" : target.startsWith("/dev/") ? "other" : "file";
                out.append(fd.getFileName()).append('\t').append(kind).append('\t').append(target).append("\t\t\t\n");
            }
        }
        return out.toString();
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
