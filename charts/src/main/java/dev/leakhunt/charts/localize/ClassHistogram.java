package dev.leakhunt.charts.localize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code GC.class_histogram} text (formats.md, histogram.txt): instances and bytes per class. Classes loaded
 * by two loaders under one name add up — the histogram cannot tell them apart either.
 */
public final class ClassHistogram {

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
            if (row.matches()) {
                byClass.merge(ClassNames.readable(row.group(3)),
                        new Tally(Long.parseLong(row.group(1)), Long.parseLong(row.group(2))), Tally::plus);
            }
        }
        return byClass;
    }
}
