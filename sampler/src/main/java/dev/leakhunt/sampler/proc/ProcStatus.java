package dev.leakhunt.sampler.proc;

import java.util.OptionalLong;

/**
 * Figures from {@code /proc/<pid>/status}, e.g.
 * <pre>
 * VmRSS:	  183420 kB
 * Threads:	41
 * </pre>
 */
public record ProcStatus(OptionalLong rssBytes, OptionalLong threads) {

    public static ProcStatus parse(String text) {
        OptionalLong rssBytes = OptionalLong.empty();
        OptionalLong threads = OptionalLong.empty();
        for (String line : text.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                rssBytes = OptionalLong.of(kibibytes(line) * 1024);
            } else if (line.startsWith("Threads:")) {
                threads = OptionalLong.of(Long.parseLong(line.substring("Threads:".length()).trim()));
            }
        }
        return new ProcStatus(rssBytes, threads);
    }

    private static long kibibytes(String line) {
        String value = line.substring(line.indexOf(':') + 1).trim();
        if (!value.endsWith(" kB")) {
            throw new IllegalArgumentException("unexpected unit in status line: " + line);
        }
        return Long.parseLong(value.substring(0, value.length() - 3).trim());
    }
}
