package dev.leakhunt.target;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.TypeConversionException;

/** Enum constants as the command line and the ready line spell them: lower case. */
final class CliNames {
    private CliNames() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The constant spelled {@code value}; otherwise the error names every valid spelling. */
    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(value)) {
                return constant;
            }
        }
        throw new TypeConversionException("'" + value + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(CliNames::of).collect(Collectors.joining("|")));
    }
}
