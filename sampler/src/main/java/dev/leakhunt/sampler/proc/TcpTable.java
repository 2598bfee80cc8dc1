package dev.leakhunt.sampler.proc;

import java.util.HashMap;
import java.util.Map;
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
 */
public final class TcpTable {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private TcpTable() {
    }

    /** Adds the sockets of one table's text to {@code byInode}. */
    public static void parseInto(String text, Map<Long, TcpSocket> byInode) {
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = WHITESPACE.split(lines[i].trim());
            if (f.length < 10) {
                continue;
            }
            long inode = Long.parseLong(f[9]);
            if (inode != 0) {
                byInode.put(inode, new TcpSocket(inode, TcpState.ofHex(f[3]), endpoint(f[1]), endpoint(f[2])));
            }
        }
    }

    public static Map<Long, TcpSocket> parse(String... tables) {
        Map<Long, TcpSocket> byInode = new HashMap<>();
        for (String table : tables) {
            parseInto(table, byInode);
        }
        return byInode;
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
