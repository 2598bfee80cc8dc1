package dev.leakhunt.simulations.soak;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Memory sizes as people type them for a limit: {@code 512m}, {@code 2g}, {@code 786432k}, or plain bytes. */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+)([kmg]?)i?b?");

    private ByteSize() {}

    public static long parse(String text) {
        Matcher matcher = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("malformed size '" + text
                    + "': use a whole number of bytes or with k, m or g (powers of 1024), e.g. 512m, 2g");
        }
        long amount = Long.parseLong(matcher.group(1));
        int shift = switch (matcher.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        if (amount <= 0 || Long.numberOfLeadingZeros(amount) <= shift) {
            throw new IllegalArgumentException("size '" + text + "' must be positive and below 8 EiB");
        }
        return amount << shift;
    }
}
