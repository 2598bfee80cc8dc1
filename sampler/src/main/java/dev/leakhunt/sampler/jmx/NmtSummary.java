package dev.leakhunt.sampler.jmx;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The total committed memory from {@code VM.native_memory summary scale=KB}:
 * <pre>
 * Total: reserved=1459843KB, committed=87347KB
 * </pre>
 */
public final class NmtSummary {
    private static final Pattern TOTAL = Pattern.compile("^Total: reserved=\\d+KB, committed=(\\d+)KB", Pattern.MULTILINE);

    private NmtSummary() {
    }

    /** Empty when the text carries no total, e.g. "Native memory tracking is not enabled". */
    public static OptionalLong committedBytes(String text) {
        Matcher m = TOTAL.matcher(text);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1)) * 1024) : OptionalLong.empty();
    }
}
