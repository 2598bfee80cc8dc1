package dev.leakhunt.target;

/** Which planted leak runs; {@code none} runs every fixed twin. */
public enum LeakMode {
    NONE, THREAD, FD, MAP, TICKER, VTHREAD, DIRECT, METASPACE;

    /** True when {@code leak} is the planted leak that should run instead of its fixed twin. */
    public boolean plants(LeakMode leak) {
        return this == leak && this != NONE;
    }
}
