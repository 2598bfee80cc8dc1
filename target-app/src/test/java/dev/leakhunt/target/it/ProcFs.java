package dev.leakhunt.target.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** What the kernel says about a child process: threads, fds, listening sockets. */
final class ProcFs {
    /** /proc/net/tcp6 spelling of {@code ::ffff:} (four little-endian 32-bit words). */
    private static final String IPV4_MAPPED_PREFIX = "0000000000000000FFFF0000";
    private ProcFs() {
    }

    /** Kernel tasks of the process (every Java platform thread plus the JVM's own). */
    static int threads(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.substring("Threads:".length()).trim());
            }
        }
        throw new IOException("no Threads line in /proc/" + pid + "/status");
    }

    static int openFds(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) fds.count();
        }
    }

    /** {@code ip:port} of every TCP socket of the process in LISTEN (IPv4 and IPv6 tables). */
    static Set<String> listeningAddresses(long pid) throws IOException {
        Set<String> inodes = socketInodes(pid);
        Set<String> listening = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> rows = Files.readAllLines(Path.of(table));
            for (String row : rows.subList(1, rows.size())) {
                String[] cols = row.trim().split("\\s+");
                if ("0A".equals(cols[3]) && inodes.contains(cols[9])) {
                    listening.add(decodeAddress(cols[1]));
                }
            }
        }
        return listening;
    }

    private static Set<String> socketInodes(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // the fd closed while we listed it
                }
            }
        }
        return inodes;
    }

    /**
     * {@code 0100007F:1F90} → {@code 127.0.0.1:8080}; an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}, how
     * a dual-stack JVM binds an IPv4 address) decodes the same way; other IPv6 addresses keep their hex form.
     */
    private static String decodeAddress(String hex) {
        String[] parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        String address = parts[0].startsWith(IPV4_MAPPED_PREFIX) ? parts[0].substring(IPV4_MAPPED_PREFIX.length()) : parts[0];
        if (address.length() != 8) {
            return address + ":" + port;
        }
        long ip = Long.parseLong(address, 16);
        return (ip & 0xff) + "." + ((ip >> 8) & 0xff) + "." + ((ip >> 16) & 0xff) + "." + ((ip >> 24) & 0xff) + ":" + port;
    }
}
