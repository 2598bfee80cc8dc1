package dev.leakhunt.target;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Which planted leak runs; {@code none} runs every fixed twin. */
public enum LeakMode {
    NONE, THREAD, FD, MAP, TICKER;

    /** The spelling used on the command line and in the ready line. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static String validNames() {
        return Arrays.stream(values()).map(LeakMode::cliName).collect(Collectors.joining("|"));
    }

    /** True when {@code leak} is the planted leak that should run instead of its fixed twin. */
    public boolean plants(LeakMode leak) {
        return this == leak && this != NONE;
    }
}
