package dev.leakhunt.sampler.proc;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code /proc/<pid>/net/tcp} and {@code tcp6}, keyed by socket inode so that an fd
 * ({@code socket:[inode]}) finds its state and peer:
 * <pre>
 *   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
 *    0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 31245 1 …
 * </pre>
 * Addresses are the kernel's in-memory words printed in hex: each 32-bit word is in host (little-endian)
 * order, the port is big-endian.
 * <p>
 * The tables list every socket of the network namespace — on a shared host, thousands that are not the
 * target's — so a line is split only when its inode is one of the target's.
 */
public final class TcpTable {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int INODE_FIELD = 9;

    private TcpTable() {
    }

    /** The sockets among {@code inodes} found in the tables' text, keyed by inode. */
    public static Map<Long, TcpSocket> parse(Set<Long> inodes, String... tables) {
        Map<Long, TcpSocket> byInode = new HashMap<>();
        for (String table : tables) {
            int lineStart = table.indexOf('\n') + 1; // past the header
            while (lineStart > 0 && lineStart < table.length()) {
                int lineEnd = table.indexOf('\n', lineStart);
                String line = table.substring(lineStart, lineEnd < 0 ? table.length() : lineEnd);
                long inode = inode(line);
                if (inode > 0 && inodes.contains(inode)) { // 0: TIME_WAIT and the like, owned by no fd
                    String[] f = WHITESPACE.split(line.trim());
                    byInode.put(inode, new TcpSocket(inode, TcpState.ofHex(f[3]), endpoint(f[1]), endpoint(f[2])));
                }
                lineStart = lineEnd + 1;
            }
        }
        return byInode;
    }

    /** The inode field of a table line, found without splitting the line; -1 when the line is too short. */
    static long inode(String line) {
        int i = 0;
        int n = line.length();
        for (int field = 0; field <= INODE_FIELD; field++) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && line.charAt(i) != ' ') {
                i++;
            }
            if (start == i) {
                return -1;
            }
            if (field == INODE_FIELD) {
                return Long.parseLong(line, start, i, 10);
            }
        }
        return -1;
    }

    static String endpoint(String hex) {
        int colon = hex.indexOf(':');
        String address = hex.substring(0, colon);
        int port = Integer.parseInt(hex.substring(colon + 1), 16);
        return address.length() == 8 ? ipv4(address) + ":" + port : "[" + ipv6(address) + "]:" + port;
    }

    private static String ipv4(String hex) {
        long word = Long.parseLong(hex, 16);
        return (word & 0xff) + "." + (word >> 8 & 0xff) + "." + (word >> 16 & 0xff) + "." + (word >> 24 & 0xff);
    }

    private static String ipv6(String hex) {
        StringBuilder out = new StringBuilder();
        for (int word = 0; word < 4; word++) {
            long value = Long.parseLong(hex.substring(word * 8, word * 8 + 8), 16);
            long bigEndian = Long.reverseBytes(value) >>> 32;
            if (word > 0) {
                out.append(':');
            }
            out.append(Long.toHexString(bigEndian >>> 16)).append(':').append(Long.toHexString(bigEndian & 0xffff));
        }
        return out.toString();
    }
}
