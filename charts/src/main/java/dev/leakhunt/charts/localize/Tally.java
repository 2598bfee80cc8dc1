package dev.leakhunt.charts.localize;

/** How many of something a profile holds, and their size in bytes (0 when the profile does not say). */
public record Tally(long count, long bytes) {

    public static final Tally ZERO = new Tally(0, 0);

    public static Tally of(long count) {
        return new Tally(count, 0);
    }

    public Tally plus(Tally other) {
        return new Tally(count + other.count, bytes + other.bytes);
    }
}
