package dev.leakhunt.simulations.launch;

import java.lang.reflect.InvocationTargetException;

/**
 * soak.jar's entry point, compiled for Java 11 so that an older {@code java} reaches this check and prints one
 * line instead of failing with UnsupportedClassVersionError. Everything else needs JDK 25.
 */
public final class Launcher {
    private static final int REQUIRED_JAVA = 25;

    private Launcher() {}

    public static void main(String[] args) throws ReflectiveOperationException {
        if (Runtime.version().feature() != REQUIRED_JAVA) {
            System.err.println("soak: a JDK " + REQUIRED_JAVA + " is required, this is Java " + Runtime.version() + " at "
                    + System.getProperty("java.home") + ": install one (e.g. temurin-25-jdk) and run through make, which finds it");
            System.exit(2);
        }
        int code;
        try {
            code = (Integer) Class.forName("dev.leakhunt.simulations.soak.SoakCommand")
                    .getMethod("execute", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("soak failed", e.getCause());
        }
        System.exit(code);
    }
}
