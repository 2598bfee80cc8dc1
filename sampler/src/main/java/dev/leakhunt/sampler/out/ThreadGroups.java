package dev.leakhunt.sampler.out;

import dev.leakhunt.sampler.jmx.ThreadDumpJson.DumpedThread;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code threads.txt}: threads grouped by identical kind (platform or virtual), state and stack, the
 * largest group first, the way {@code goroutine?debug=1} groups goroutines. A leak shows as one group whose
 * count grows from profile to profile.
 * <pre>
 * # 231 threads in 12 groups
 *
 * 200 TIMED_WAITING platform: leak-1, leak-2, leak-3, leak-4, leak-5, … (+195)
 *     java.base/java.lang.Thread.sleepNanos0(Native Method)
 *     …
 * </pre>
 */
public final class ThreadGroups {
    private static final int NAMES_SHOWN = 5;
    private static final String INDENT = "    ";

    private ThreadGroups() {
    }

    private record Key(boolean virtual, String state, List<String> stack) {
    }

    public static String render(List<DumpedThread> threads) {
        Map<Key, List<String>> namesByKey = new LinkedHashMap<>();
        for (DumpedThread t : threads) {
            namesByKey.computeIfAbsent(new Key(t.virtual(), t.state(), t.stack()), k -> new ArrayList<>()).add(t.label());
        }
        List<Map.Entry<Key, List<String>>> groups = new ArrayList<>(namesByKey.entrySet());
        groups.sort(Comparator.comparingInt((Map.Entry<Key, List<String>> g) -> g.getValue().size()).reversed());
        StringBuilder out = new StringBuilder();
        out.append("# ").append(threads.size()).append(" threads in ").append(groups.size()).append(" groups\n");
        for (Map.Entry<Key, List<String>> group : groups) {
            Key key = group.getKey();
            List<String> names = group.getValue();
            out.append('\n').append(names.size()).append(' ').append(key.state()).append(' ')
                    .append(key.virtual() ? "virtual" : "platform").append(": ")
                    .append(String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size()))));
            if (names.size() > NAMES_SHOWN) {
                out.append(", … (+").append(names.size() - NAMES_SHOWN).append(')');
            }
            out.append('\n');
            for (String frame : key.stack()) {
                out.append(INDENT).append(frame).append('\n');
            }
        }
        return out.toString();
    }
}
