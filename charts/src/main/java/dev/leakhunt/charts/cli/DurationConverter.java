package dev.leakhunt.charts.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code 500ms}, {@code 5s}, {@code 1m}, {@code 1h}: the duration syntax of the other leakhunt commands. */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new TypeConversionException("'" + text + "' is not a duration: a positive whole number followed"
                    + " by ms, s, m or h (500ms, 5s, 1m, 1h)");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
