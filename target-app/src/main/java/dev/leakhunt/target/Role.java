package dev.leakhunt.target;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What this process serves: the lab service, or the downstream service the lab service calls. */
public enum Role {
    TARGET, DOWNSTREAM;

    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static String validNames() {
        return Arrays.stream(values()).map(Role::cliName).collect(Collectors.joining("|"));
    }
}
