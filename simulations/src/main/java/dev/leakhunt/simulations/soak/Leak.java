package dev.leakhunt.simulations.soak;

/** The lab target's planted leaks, as its {@code --leak} flag names them. */
public enum Leak {
    none, thread, fd, map, ticker, vthread, direct, metaspace;

    /** The leak of that name, or an IllegalArgumentException whose message names the valid ones. */
    public static Leak parse(String name) {
        for (Leak leak : values()) {
            if (leak.name().equals(name)) {
                return leak;
            }
        }
        throw new IllegalArgumentException("unknown leak '" + name
                + "': valid are none|thread|fd|map|ticker|vthread|direct|metaspace");
    }
}
