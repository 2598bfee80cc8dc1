package dev.leakhunt.sampler.prom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the Prometheus text exposition format 0.0.4 (also the sample lines of OpenMetrics text):
 * <pre>
 * # TYPE http_server_request_duration_seconds histogram
 * http_server_request_duration_seconds_bucket{method="GET",le="0.005"} 1234
 * cache_size 512
 * </pre>
 * Comments and blank lines are skipped; an optional timestamp after the value is ignored.
 */
public final class PromText {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private PromText() {
    }

    public static List<PromSample> parse(String text) {
        List<PromSample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                samples.add(parseLine(trimmed));
            }
        }
        return samples;
    }

    static PromSample parseLine(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
            i++;
        }
        String name = line.substring(0, i);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i = parseLabels(line, i + 1, labels);
        }
        String[] rest = WHITESPACE.split(line.substring(i).strip());
        return new PromSample(name, labels, parseValue(rest[0]));
    }

    /** Parses {@code a="x",b="y"}} from {@code start}; returns the index after the closing brace. */
    private static int parseLabels(String line, int start, Map<String, String> labels) {
        int i = start;
        while (true) {
            while (line.charAt(i) == ' ' || line.charAt(i) == ',') {
                i++;
            }
            if (line.charAt(i) == '}') {
                return i + 1;
            }
            int eq = line.indexOf('=', i);
            String key = line.substring(i, eq).strip();
            i = eq + 1;
            if (line.charAt(i) != '"') {
                throw new IllegalArgumentException("label value not quoted: " + line);
            }
            StringBuilder value = new StringBuilder();
            for (i++; line.charAt(i) != '"'; i++) {
                char c = line.charAt(i);
                if (c == '\\') {
                    char next = line.charAt(++i);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
            }
            labels.put(key, value.toString());
            i++;
        }
    }

    static double parseValue(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
