package dev.leakhunt.simulations.soak;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * STOP_ON_LEAK: which confirmed leaks end a soak early. {@code 0} never; {@code 1} (or {@code any}) the first
 * series the live verdict confirms as a leak; a comma-separated list of {@code samples.csv} verdict keys, all of
 * them (a {@code ticker} leak is proven only once both {@code os_threads} and {@code heap_live_bytes} leak).
 * Confirming is the report's {@code charts watch}: the same verdict engine, run on the rows so far.
 */
record StopOnLeak(boolean enabled, List<String> series) {
    static final StopOnLeak NEVER = new StopOnLeak(false, List.of());
    private static final Pattern SERIES_KEY = Pattern.compile("[a-z][a-z0-9_]*");

    static StopOnLeak parse(String text) {
        String value = text.trim();
        if (value.equals("0")) {
            return NEVER;
        }
        if (value.equals("1") || value.equals("any")) {
            return new StopOnLeak(true, List.of());
        }
        List<String> series = Arrays.stream(value.split(",")).map(String::trim).toList();
        if (series.stream().allMatch(key -> SERIES_KEY.matcher(key).matches())) {
            return new StopOnLeak(true, series);
        }
        throw new IllegalArgumentException("STOP_ON_LEAK must be 0, 1 (any series) or a comma-separated list of"
                + " samples.csv series such as os_threads,heap_live_bytes; was '" + text + "'");
    }

    /** {@code charts watch --stop-on=…}. */
    String watchArgument() {
        return series.isEmpty() ? "any" : String.join(",", series);
    }

    /** As manifest.json records it: null, {@code "any"} or the list. */
    Object describe() {
        return !enabled ? null : series.isEmpty() ? "any" : series;
    }
}
