package dev.leakhunt.sampler;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code 500ms}, {@code 5s}, {@code 5m}, {@code 1h} into a positive {@link Duration}. */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(String text) {
        Matcher m = DURATION.matcher(text.trim());
        long amount = m.matches() ? Long.parseLong(m.group(1)) : 0;
        if (amount <= 0) {
            throw new TypeConversionException("'" + text
                    + "' is not a duration: use a positive whole number followed by ms, s, m or h (500ms, 5s, 5m, 1h)");
        }
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
