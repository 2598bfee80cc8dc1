package dev.leakhunt.charts.cli;

import dev.leakhunt.charts.run.SamplesTail;
import dev.leakhunt.charts.verdict.RunSeries;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code charts watch --stop-on}: which confirmed leaks end the watch with {@link WatchCommand#EXIT_LEAK_CONFIRMED}.
 * {@code any}: the first series confirmed, except the sampler's own figures ({@link RunSeries#SAMPLER_SELF}),
 * which are not the target's resources; a list of verdict keys: all of them.
 */
record StopOn(boolean any, List<String> series) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");

    static StopOn parse(String text) {
        if (text.equals("any")) {
            return new StopOn(true, List.of());
        }
        List<String> keys = Arrays.stream(text.split(",", -1)).map(String::trim).toList();
        if (keys.stream().allMatch(key -> KEY.matcher(key).matches())) {
            return new StopOn(false, keys);
        }
        throw new IllegalArgumentException("--stop-on must be 'any' or a comma-separated list of verdict keys such as"
                + " os_threads,heap_live_bytes; was '" + text + "'");
    }

    /** The listed series that are not among {@code valid}, the run's verdict keys. */
    List<String> unknown(Collection<String> valid) {
        return series.stream().filter(key -> !valid.contains(key)).toList();
    }

    boolean metBy(Collection<String> confirmed) {
        return any ? confirmed.stream().anyMatch(key -> !RunSeries.SAMPLER_SELF.contains(key))
                : confirmed.containsAll(series);
    }

    /** The verdict keys of a {@code samples.csv} header, what a list may name. */
    static List<String> validKeys(List<String> header) {
        return header.stream().filter(column -> !column.equals(SamplesTail.TIME_COLUMN)).map(RunSeries::verdictKey)
                .flatMap(Optional::stream).toList();
    }
}
