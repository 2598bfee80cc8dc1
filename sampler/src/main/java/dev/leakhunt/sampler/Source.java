package dev.leakhunt.sampler;

/**
 * One place figures come from (the target's /proc, its JMX beans, its JFR stream, its metrics endpoint, the
 * sampler itself). A source sets the columns it could read and leaves the others unknown; an exception means
 * it could read nothing more this time, and the sampler logs a warning and carries on.
 */
public interface Source extends AutoCloseable {

    /** A short name for warnings, e.g. {@code proc} or {@code jmx}. */
    String name();

    void sampleInto(Sample sample) throws Exception;

    @Override
    default void close() {
    }
}
