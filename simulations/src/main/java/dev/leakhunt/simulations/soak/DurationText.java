package dev.leakhunt.simulations.soak;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them: {@code 90s}, {@code 10m}, {@code 12h}, {@code 1h30m}. */
public final class DurationText {
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+[hms])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([hms])");

    private DurationText() {}

    public static Duration parse(String text) {
        String trimmed = text.trim();
        if (!WHOLE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("malformed duration '" + text
                    + "': use whole numbers with h, m or s, e.g. 90s, 10m, 12h, 1h30m");
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(trimmed);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            });
        }
        return total;
    }
}
