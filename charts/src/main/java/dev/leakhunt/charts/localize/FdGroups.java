package dev.leakhunt.charts.localize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fd inventory {@code fds.tsv} (formats.md) grouped the way a leak shows: sockets by state and peer (the
 * local port of a client socket is ephemeral, the peer is the service it talks to), files by path, and pipes
 * and anon inodes by their kind (their inode numbers are unique per fd and say nothing).
 */
public final class FdGroups {

    /** One group: the fd kind, the TCP state (empty when not a TCP socket) and what it points at. */
    public record Kind(String kind, String socketState, String pointsAt) {
        @Override
        public String toString() {
            return kind + (socketState.isEmpty() ? "" : " " + socketState) + (pointsAt.isEmpty() ? "" : " " + pointsAt);
        }
    }

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
        Map<Kind, Tally> groups = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            if (cells.length < header.size()) {
                continue;
            }
            groups.merge(new Kind(cells[kind], cells[state], pointsAt(cells[kind], cells[target], cells[peer])),
                    Tally.of(1), Tally::plus);
        }
        return groups;
    }

    private static String pointsAt(String kind, String target, String peer) {
        return switch (kind) {
            case "socket" -> peer.isEmpty() ? "(no TCP peer: unix or listening)" : "→ " + peer;
            case "file", "other" -> target;
            default -> target.replaceAll(":\\[\\d+]$", "");
        };
    }

    private static int column(List<String> header, String name, Path file) throws IOException {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IOException(file + ": header has no '" + name + "' column");
        }
        return index;
    }
}
