package dev.leakhunt.charts.localize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code GC.class_histogram} text (formats.md, histogram.txt): instances and bytes per class. Classes loaded
 * by two loaders under one name add up — the histogram cannot tell them apart either.
 * <p>
 * G1's filler arrays and objects are left out: they are not objects of the program but dead space formatted to
 * keep a region walkable (a promotion buffer's unused tail, dead objects in an old region), counted by an
 * {@code -all} histogram until a collection evacuates the region. A clean hour of the lab service grew them by
 * 6.5 MiB, which a diff would otherwise show as its largest gain.
 */
public final class ClassHistogram {

    private static final Set<String> DEAD_SPACE = Set.of("jdk.internal.vm.FillerElement[]",
            "jdk.internal.vm.FillerObject");

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)(?:\\s+\\(.*\\))?\\s*$");

    private ClassHistogram() {
    }

    public static Map<String, Tally> read(Path histogramTxt) throws IOException {
        return parse(Files.readString(histogramTxt));
    }

    static Map<String, Tally> parse(String text) {
        Map<String, Tally> byClass = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            String type = ClassNames.readable(row.group(3));
            if (!DEAD_SPACE.contains(type)) {
                byClass.merge(type, new Tally(Long.parseLong(row.group(1)), Long.parseLong(row.group(2))), Tally::plus);
            }
        }
        return byClass;
    }
}
