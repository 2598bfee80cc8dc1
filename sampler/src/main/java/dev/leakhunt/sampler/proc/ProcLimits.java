package dev.leakhunt.sampler.proc;

import java.util.OptionalLong;

/**
 * The soft fd limit from {@code /proc/<pid>/limits}:
 * <pre>
 * Limit                     Soft Limit           Hard Limit           Units
 * Max open files            1024                 524288               files
 * </pre>
 * "unlimited" is reported as unknown: there is no number to compare fds against.
 */
public final class ProcLimits {
    private static final String OPEN_FILES = "Max open files";

    private ProcLimits() {
    }

    public static OptionalLong softOpenFiles(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith(OPEN_FILES)) {
                String soft = line.substring(OPEN_FILES.length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(soft));
            }
        }
        return OptionalLong.empty();
    }
}
