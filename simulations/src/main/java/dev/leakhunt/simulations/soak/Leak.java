package dev.leakhunt.simulations.soak;

/** The lab target's planted leaks, as its {@code --leak} flag names them. */
public enum Leak {
    none, thread, fd, map, ticker
}
