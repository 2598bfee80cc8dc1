package dev.leakhunt.charts.localize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory the JVM committed by Native Memory Tracking category, from a capture's {@code nmt.txt} (the output of
 * {@code jcmd <pid> VM.native_memory summary scale=KB}): one line per category such as
 * <pre>
 * -                    Thread (reserved=11311KB, committed=535KB)
 * </pre>
 * Categories are the JVM's subsystems (Java Heap, Class, Thread, Code, GC, Compiler, Internal, Other — direct
 * buffers and Unsafe —, Symbol, Tracing — JFR —, Arena Chunk, Metaspace…). Memory a native library allocates
 * outside the JVM is in none of them.
 */
public final class NativeMemory {
    private static final Pattern CATEGORY = Pattern.compile(
            "^-\\s+(.+?) \\(reserved=\\d+(?:KB|MB|GB)?, committed=(\\d+)(KB|MB|GB)?[,)]", Pattern.MULTILINE);

    private NativeMemory() {
    }

    public static Map<String, Tally> read(Path nmtTxt) throws IOException {
        return parse(Files.readString(nmtTxt));
    }

    /** Committed bytes per category ({@link Tally#bytes()}; no count), in the summary's order. */
    static Map<String, Tally> parse(String summary) {
        Map<String, Tally> committed = new LinkedHashMap<>();
        Matcher m = CATEGORY.matcher(summary);
        while (m.find()) {
            committed.put(m.group(1), new Tally(0, Long.parseLong(m.group(2)) * unitBytes(m.group(3))));
        }
        if (committed.isEmpty()) {
            throw new IllegalArgumentException("no Native Memory Tracking category in it");
        }
        return committed;
    }

    private static long unitBytes(String unit) {
        return switch (unit == null ? "" : unit) {
            case "KB" -> 1L << 10;
            case "MB" -> 1L << 20;
            case "GB" -> 1L << 30;
            default -> 1;
        };
    }
}
