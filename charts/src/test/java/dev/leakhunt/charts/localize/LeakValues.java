package dev.leakhunt.charts.localize;

/**
 * Builds the values {@link LeakingChild} keeps, the way a serializer builds a service's answers: the allocation
 * happens here, but the code to blame is the caller that stores the value in its map.
 */
final class LeakValues {

    static final int VALUE_BYTES = 1024;

    private LeakValues() {
    }

    static byte[] render(long key) {
        byte[] value = new byte[VALUE_BYTES];
        value[0] = (byte) key;
        return value;
    }
}
