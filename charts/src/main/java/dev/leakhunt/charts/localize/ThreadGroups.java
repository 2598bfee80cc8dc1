package dev.leakhunt.charts.localize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grouped thread dump {@code threads.txt} (formats.md, written by the sampler): thread count per kind
 * (platform or virtual), state and stack. Any other line (the {@code # n threads in m groups} comment) carries
 * nothing the groups do not and is skipped.
 */
public final class ThreadGroups {

    private static final Pattern HEADER = Pattern.compile("^(\\d+) (\\S+) (platform|virtual):.*$");
    private static final String FRAME_INDENT = "    ";

    /** What makes threads "the same": their kind, their state and their frames, top first. */
    public record Stack(boolean virtual, String state, List<String> frames) {

        public Stack {
            frames = List.copyOf(frames);
        }

        /** The line to look at: the first frame that is not the JDK's, else the top frame. */
        public String signature() {
            return Frames.firstApplicationFrame(frames).orElse(frames.isEmpty() ? "(no frames)" : frames.getFirst());
        }

        public String kind() {
            return virtual ? "virtual" : "platform";
        }

        @Override
        public String toString() {
            return state + " " + kind() + " at " + signature();
        }
    }

    private ThreadGroups() {
    }

    public static Map<Stack, Tally> read(Path threadsTxt) throws IOException {
        return parse(Files.readString(threadsTxt));
    }

    static Map<Stack, Tally> parse(String text) {
        Map<Stack, Tally> groups = new HashMap<>();
        Matcher group = null;
        List<String> frames = new ArrayList<>();
        for (String line : (text + "\n\n").split("\n", -1)) {
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                group = header;
                frames = new ArrayList<>();
            } else if (line.startsWith(FRAME_INDENT) && group != null) {
                frames.add(line.strip());
            } else if (line.isBlank() && group != null) {
                groups.merge(new Stack("virtual".equals(group.group(3)), group.group(2), frames),
                        Tally.of(Long.parseLong(group.group(1))), Tally::plus);
                group = null;
            }
        }
        return groups;
    }
}
