package dev.leakhunt.sampler.proc;

import java.util.Locale;

/**
 * What an fd points at, told from its {@code /proc/<pid>/fd/N} link text alone (no stat per fd): paths under
 * {@code /dev/} are devices (other), any other path is a file or directory.
 */
public enum FdKind {
    FILE, SOCKET, PIPE, ANON, OTHER;

    public static FdKind of(String linkTarget) {
        if (linkTarget.startsWith("socket:")) {
            return SOCKET;
        }
        if (linkTarget.startsWith("pipe:")) {
            return PIPE;
        }
        if (linkTarget.startsWith("anon_inode:")) {
            return ANON;
        }
        if (linkTarget.startsWith("/") && !linkTarget.startsWith("/dev/")) {
            return FILE;
        }
        return OTHER;
    }

    /** The inode of a {@code socket:[12345]} link, or -1. */
    public static long socketInode(String linkTarget) {
        if (!linkTarget.startsWith("socket:[") || !linkTarget.endsWith("]")) {
            return -1;
        }
        return Long.parseLong(linkTarget.substring("socket:[".length(), linkTarget.length() - 1));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
