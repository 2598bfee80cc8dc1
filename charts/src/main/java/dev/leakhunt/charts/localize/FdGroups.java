package dev.leakhunt.charts.localize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fd inventory {@code fds.tsv} (formats.md) grouped the way a leak shows: client sockets by state and peer
 * (their local port is ephemeral, the peer is the service they talk to), accepted sockets by state and the
 * listening endpoint they came in on (there the peer's port is the ephemeral one), files by path, and pipes and
 * anon inodes by their kind (their inode numbers are unique per fd and say nothing).
 */
public final class FdGroups {

    /** One group: the fd kind, the TCP state (empty when not a TCP socket) and what it points at. */
    public record Kind(String kind, String socketState, String pointsAt) {
        @Override
        public String toString() {
            return kind + (socketState.isEmpty() ? "" : " " + socketState) + (pointsAt.isEmpty() ? "" : " " + pointsAt);
        }
    }

    private static final String LISTEN = "LISTEN";

    private FdGroups() {
    }

    public static Map<Kind, Tally> read(Path fdsTsv) throws IOException {
        List<String> lines = Files.readAllLines(fdsTsv);
        if (lines.isEmpty()) {
            throw new IOException(fdsTsv + ": no header row");
        }
        List<String> header = Arrays.asList(lines.getFirst().split("\t", -1));
        int kind = column(header, "kind", fdsTsv);
        int target = column(header, "target", fdsTsv);
        int state = column(header, "socket_state", fdsTsv);
        int peer = column(header, "peer", fdsTsv);
        int local = column(header, "local", fdsTsv);
        List<String[]> rows = lines.subList(1, lines.size()).stream().map(line -> line.split("\t", -1))
                .filter(cells -> cells.length >= header.size()).toList();
        Set<String> listeningPorts = rows.stream().filter(cells -> LISTEN.equals(cells[state]))
                .map(cells -> port(cells[local])).collect(Collectors.toSet());
        Map<Kind, Tally> groups = new HashMap<>();
        for (String[] cells : rows) {
            String pointsAt = switch (cells[kind]) {
                case "socket" -> socketEnd(cells[state], cells[local], cells[peer], listeningPorts);
                case "file", "other" -> cells[target];
                default -> cells[target].replaceAll(":\\[\\d+]$", "");
            };
            groups.merge(new Kind(cells[kind], cells[state], pointsAt), Tally.of(1), Tally::plus);
        }
        return groups;
    }

    private static String socketEnd(String state, String local, String peer, Set<String> listeningPorts) {
        if (peer.isEmpty()) {
            return "(no TCP endpoint: a unix socket or an unknown inode)";
        }
        if (LISTEN.equals(state)) {
            return "listening on " + local;
        }
        return listeningPorts.contains(port(local)) ? "accepted on " + local : "→ " + peer;
    }

    /** {@code [::ffff:7f00:1]:39133} or {@code 127.0.0.1:39133} → {@code 39133}. */
    private static String port(String endpoint) {
        return endpoint.substring(endpoint.lastIndexOf(':') + 1);
    }

    private static int column(List<String> header, String name, Path file) throws IOException {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IOException(file + ": header has no '" + name + "' column");
        }
        return index;
    }
}
