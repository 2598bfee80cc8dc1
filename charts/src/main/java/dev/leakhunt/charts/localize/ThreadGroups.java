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

/** The grouped platform-thread dump {@code threads.txt} (formats.md): thread count per state and stack. */
public final class ThreadGroups {

    private static final Pattern HEADER = Pattern.compile("^(\\d+) threads?: (\\S+)\\s*$");
    private static final String FRAME = "at ";

    /** What makes threads "the same": their state and their frames, top first. */
    public record Stack(String state, List<String> frames) {

        public Stack {
            frames = List.copyOf(frames);
        }

        /** The line to look at: the first frame that is not the JDK's, else the top frame. */
        public String signature() {
            return Frames.firstApplicationFrame(frames).orElse(frames.isEmpty() ? "(no frames)" : frames.getFirst());
        }

        @Override
        public String toString() {
            return state + " at " + signature();
        }
    }

    private ThreadGroups() {
    }

    public static Map<Stack, Tally> read(Path threadsTxt) throws IOException {
        return parse(Files.readString(threadsTxt));
    }

    static Map<Stack, Tally> parse(String text) {
        Map<Stack, Tally> groups = new HashMap<>();
        String state = null;
        long count = 0;
        List<String> frames = new ArrayList<>();
        for (String raw : (text + "\n\n").split("\n", -1)) {
            String line = raw.strip();
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                state = header.group(2);
                count = Long.parseLong(header.group(1));
                frames = new ArrayList<>();
            } else if (line.startsWith(FRAME) && state != null) {
                frames.add(line.substring(FRAME.length()));
            } else if (line.isEmpty() && state != null) {
                groups.merge(new Stack(state, frames), Tally.of(count), Tally::plus);
                state = null;
            }
            // Any other line ("names: …", or "- locked <0x…>" from a richer dump) is not part of the key.
        }
        return groups;
    }
}
